using RobuustOD.TestInfrastructure;
using System.Collections.Concurrent;
using System.Net;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RobuustOD.EventBackbone.Tests.Support;

/// <summary>
/// Server side of <c>dapr.proto.runtime.v1.Dapr/PublishEvent</c>. Dapr.Protos ships client stubs only, so the
/// service binding is written by hand; Grpc.AspNetCore finds the handler by name on the concrete service.
/// </summary>
[BindServiceMethod(typeof(DaprPublishServiceBase), nameof(BindService))]
public abstract class DaprPublishServiceBase
{
    private static readonly Method<PublishEventRequest, Empty> PublishEventMethod = new(
        MethodType.Unary,
        "dapr.proto.runtime.v1.Dapr",
        "PublishEvent",
        Marshallers.Create(m => m.ToByteArray(), PublishEventRequest.Parser.ParseFrom),
        Marshallers.Create(m => m.ToByteArray(), Empty.Parser.ParseFrom));

    public virtual Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "PublishEvent"));

    public static void BindService(ServiceBinderBase binder, DaprPublishServiceBase? service) =>
        binder.AddMethod(PublishEventMethod, service is null ? null! : service.PublishEvent);
}

/// <summary>
/// A fake Dapr sidecar on an h2c loopback port: records every PublishEvent call, and can fail the first ones
/// with <c>Unavailable</c> the way an unready sidecar does.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<PublishEventRequest> _pogingen = new();
    private readonly ConcurrentQueue<PublishEventRequest> _geaccepteerd = new();
    private int _teWeigeren;

    private FakeDaprSidecar(WebApplication app) => _app = app;

    public Uri GrpcEndpoint { get; private set; } = null!;

    /// <summary>Every call, failed ones included.</summary>
    public IReadOnlyList<PublishEventRequest> Pogingen => [.. _pogingen];

    /// <summary>The calls answered with success, in the order they arrived.</summary>
    public IReadOnlyList<PublishEventRequest> Geaccepteerd => [.. _geaccepteerd];

    /// <summary>The next <paramref name="count"/> calls fail with <c>Unavailable</c>.</summary>
    public void WeigerVolgende(int count) => Interlocked.Exchange(ref _teWeigeren, count);

    /// <summary>Per call: a gRPC status to fail it with, or null to accept it.</summary>
    public Func<PublishEventRequest, StatusCode?> Fout { get; set; } = _ => null;

    public static async Task<FakeDaprSidecar> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var holder = new Holder();
        builder.Services.AddSingleton(holder);
        var app = builder.Build();
        app.MapGrpcService<Service>();
        var sidecar = new FakeDaprSidecar(app);
        holder.Sidecar = sidecar;
        await app.StartAsync(ct);
        sidecar.GrpcEndpoint = new Uri(app.Urls.Single());
        return sidecar;
    }

    public Task WachtTotAsync(Func<IReadOnlyList<PublishEventRequest>, bool> condition, TimeSpan timeout, CancellationToken ct) =>
        Eventually.UntilAsync(() => condition(Geaccepteerd), timeout,
            () => $"the fake sidecar accepted {_geaccepteerd.Count} of {_pogingen.Count} calls", ct, 20);

    private Empty Publish(PublishEventRequest request)
    {
        _pogingen.Enqueue(request);
        if (Interlocked.Decrement(ref _teWeigeren) >= 0)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "fake sidecar not ready"));
        }

        if (Fout(request) is { } status)
        {
            throw new RpcException(new Status(status, $"fake sidecar refuses: {status}"));
        }

        _geaccepteerd.Enqueue(request);
        return new Empty();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private sealed class Holder
    {
        public FakeDaprSidecar Sidecar { get; set; } = null!;
    }

    private sealed class Service(Holder holder) : DaprPublishServiceBase
    {
        public override Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context) =>
            Task.FromResult(holder.Sidecar.Publish(request));
    }
}
