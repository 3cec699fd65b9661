using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RobuustOD.AppHost;

/// <summary>Whether a Docker daemon answers <c>/_ping</c> right now; container resources are pointless without one.</summary>
internal static class DockerProbe
{
    public static async Task<bool> AnswersAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            using var socket = Connect(Environment.GetEnvironmentVariable("DOCKER_HOST"), out var endpoint);
            await socket.ConnectAsync(endpoint, cancel.Token);
            await socket.SendAsync("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8.ToArray(), cancel.Token);
            var buffer = new byte[256];
            var read = await socket.ReceiveAsync(buffer, cancel.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or UriFormatException or IOException)
        {
            return false;
        }
    }

    private static Socket Connect(string? dockerHost, out EndPoint endpoint)
    {
        if (string.IsNullOrEmpty(dockerHost) || dockerHost.StartsWith("unix://", StringComparison.Ordinal))
        {
            endpoint = new UnixDomainSocketEndPoint(string.IsNullOrEmpty(dockerHost) ? "/var/run/docker.sock" : dockerHost["unix://".Length..]);
            return new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }

        var uri = new Uri(dockerHost);
        endpoint = new DnsEndPoint(uri.Host, uri.Port);
        return new Socket(SocketType.Stream, ProtocolType.Tcp);
    }
}
