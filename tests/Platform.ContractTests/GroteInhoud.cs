using System.Net;
using System.Text;

namespace RobuustOD.Platform.ContractTests;

/// <summary>
/// A JSON body of <c>size</c> bytes (a string value that never ends in time), sent with a Content-Length or — when
/// <c>chunked</c> — without one, as a client streaming its body does.
/// </summary>
public sealed class GroteInhoud : HttpContent
{
    private readonly long _size;
    private readonly bool _chunked;

    public GroteInhoud(long size, bool chunked)
    {
        _size = size;
        _chunked = chunked;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var opening = Encoding.ASCII.GetBytes("{\"naam\":\"");
        await stream.WriteAsync(opening);
        var block = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
        for (var written = (long)opening.Length; written < _size; written += block.Length)
        {
            try
            {
                await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, _size - written)));
            }
            catch (IOException)
            {
                return; // the server answered 413 and stopped reading: that is the point
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _size;
        return !_chunked;
    }
}
