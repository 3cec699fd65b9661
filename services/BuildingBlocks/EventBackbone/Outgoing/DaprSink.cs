using Dapr;
using Dapr.Client;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace RobuustOD.EventBackbone.Outgoing;

/// <summary>
/// Publishes through the Dapr sidecar. The structured CloudEvent is passed as is, and the
/// <c>cloudevent.*</c> metadata overrides Dapr's defaults (source = app id, type = com.dapr.event.sent).
/// </summary>
public sealed class DaprSink(DaprClient dapr, IOptions<EventingOptions> options) : ICloudEventSink
{
    public string Name => "dapr";

    public async Task<DeliveryResult> DeliverAsync(OutgoingCloudEvent cloudEvent, CancellationToken ct)
    {
        // A sidecar that accepts the connection but never answers would hang the publish forever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.AttemptTimeout);
        try
        {
            await dapr.PublishByteEventAsync(options.Value.PubSubName, cloudEvent.Topic, cloudEvent.StructuredJson,
                OutgoingCloudEvent.ContentType, cloudEvent.DaprMetadata(), timeout.Token);
            return DeliveryResult.Delivered;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && Rpc(ex) is { StatusCode: StatusCode.InvalidArgument } rpc)
        {
            return DeliveryResult.Poison($"Dapr refused the event: {rpc.Status.Detail}");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is DaprException or RpcException or OperationCanceledException)
        {
            return DeliveryResult.Retry($"Dapr publish failed: {ex.GetBaseException().Message}");
        }
    }

    private static RpcException? Rpc(Exception ex) => ex as RpcException ?? ex.InnerException as RpcException;
}
