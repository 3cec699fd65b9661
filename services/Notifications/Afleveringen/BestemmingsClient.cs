using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>A refusal of <see cref="Bestemmingsregel"/>: the URL or an address it resolves to may not be called.</summary>
public sealed class BestemmingGeweigerdException(string reden) : Exception(reden);

/// <summary>
/// The one HTTP client for subscribers (handshake, deliveries, OAuth tokens). Every connection resolves the host itself
/// and checks each address with <see cref="Bestemmingsregel"/> before connecting to it, so the check and the connection
/// use the same addresses (no DNS rebinding between them). No redirects are followed: a 3xx is an answer, not a new target.
/// </summary>
public sealed class BestemmingsClient : IDisposable
{
    private readonly SocketsHttpHandler _handler;

    public BestemmingsClient(IOptions<NotificatieOptions> opties, IHostEnvironment omgeving)
    {
        LokaalToegestaan = opties.Value.LokaleBestemmingenToegestaan
            ?? (omgeving.IsDevelopment() || omgeving.IsEnvironment("Testing"));
        _handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 64,
            ConnectTimeout = opties.Value.PogingTimeout,
            ConnectCallback = ConnectAsync,
        };
        Http = new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public bool LokaalToegestaan { get; }

    public HttpClient Http { get; }

    /// <summary>Null when <paramref name="uri"/> may be called now (its addresses resolved); otherwise why not.</summary>
    public async Task<string?> BeoordeelAsync(Uri uri, CancellationToken ct)
    {
        if (Bestemmingsregel.Beoordeel(uri, LokaalToegestaan) is { } reden)
        {
            return reden;
        }

        try
        {
            return Bestemmingsregel.BeoordeelAdressen(uri.Host, await AdressenAsync(uri.IdnHost, ct), LokaalToegestaan);
        }
        catch (SocketException ex)
        {
            return $"'{uri.Host}' is niet te herleiden tot een adres ({ex.SocketErrorCode}).";
        }
    }

    private static async Task<IPAddress[]> AdressenAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? [ip] : await Dns.GetHostAddressesAsync(host, ct);

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var adressen = await AdressenAsync(context.DnsEndPoint.Host, ct);
        if (Bestemmingsregel.BeoordeelAdressen(context.DnsEndPoint.Host, adressen, LokaalToegestaan) is { } reden)
        {
            throw new BestemmingGeweigerdException(reden);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(adressen, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>What went wrong with a call, in words for the attempt log or a problem.</summary>
    public static string Beschrijf(Exception ex) => ex switch
    {
        BestemmingGeweigerdException b => b.Message,
        HttpRequestException { InnerException: BestemmingGeweigerdException b } => b.Message,
        HttpRequestException h when h.InnerException is SocketException s => $"geen verbinding ({s.SocketErrorCode})",
        HttpRequestException h => $"geen antwoord ({h.HttpRequestError})",
        TimeoutException or TaskCanceledException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException => "time-out",
        _ => ex.GetType().Name,
    };

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
