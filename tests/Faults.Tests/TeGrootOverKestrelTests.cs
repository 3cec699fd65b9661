using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using RobuustOD.LocalPostgres;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Faults.Tests;

/// <summary>
/// Over-size bodies through real Kestrel (the in-memory test server has no body limit of its own): a chunked body over
/// the limit was read by the JSON binder until Kestrel's limit tripped, and came back as 400 "geen geldige JSON".
/// </summary>
public sealed class TeGrootOverKestrelTests : IAsyncLifetime
{
    private PostgresCluster _cluster = null!;
    private DevIdentityServer _identity = null!;
    private ServiceFactory<RegistryService> _registry = null!;
    private Uri _address = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions { Database = "register" }, Ct);
        _identity = new DevIdentityServer();
        _registry = new ServiceFactory<RegistryService>(_cluster.ConnectionString, _identity);
        _address = _registry.StartOnLoopback(FreeTcpPort());
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _identity.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(20, true)]
    [InlineData(2, false)]
    public async Task A_body_over_the_limit_is_413_whether_chunked_or_announced(int mebibytes, bool chunked)
    {
        using var http = new HttpClient { BaseAddress = _address };
        await _identity.AuthorizeAsync(http, "ienw", Ct);
        // Repeated: the old failure was intermittent (5 of 6 tries). The large body once is enough to show the drain.
        for (var poging = 0; poging < (mebibytes > 2 ? 1 : 3); poging++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/register/v1/omgevingsdiensten")
            {
                Content = new Body(mebibytes << 20, chunked),
            };
            using var response = await http.SendAsync(request, Ct);
            await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A JSON body of <c>size</c> bytes, with a Content-Length or (chunked) without one.</summary>
    private sealed class Body : HttpContent
    {
        private readonly long _size;
        private readonly bool _chunked;

        public Body(long size, bool chunked)
        {
            _size = size;
            _chunked = chunked;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var block = Encoding.ASCII.GetBytes("{\"naam\":\"" + new string('a', 64 * 1024));
            try
            {
                for (long written = 0; written < _size; written += block.Length)
                {
                    await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, _size - written)));
                }
            }
            catch (IOException)
            {
                // The server answered 413 and closed: expected.
            }
            catch (HttpRequestException)
            {
                // Idem.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _size;
            return !_chunked;
        }
    }
}
