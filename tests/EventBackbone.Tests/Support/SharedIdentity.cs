using RobuustOD.TestInfrastructure.Services;

[assembly: AssemblyFixture(typeof(RobuustOD.EventBackbone.Tests.Support.SharedIdentity))]

namespace RobuustOD.EventBackbone.Tests.Support;

/// <summary>
/// One development identity provider for the backbone tests: starting one and getting its first token takes
/// seconds, and the services only need to trust the same one.
/// </summary>
public sealed class SharedIdentity : IAsyncLifetime
{
    public DevIdentityServer Server { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Server.TokenAsync("ienw", TestContext.Current.CancellationToken);
        await Server.TokenAsync("ipo", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
