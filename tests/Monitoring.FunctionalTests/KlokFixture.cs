using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>
/// The test clock: the real time moved by <see cref="Verschuiving"/>. Only "now" moves; timers run in real time, so the
/// service's periodic check keeps ticking while a test sets the date forward (tokens are validated on the real clock).
/// </summary>
public sealed class Testklok : TimeProvider
{
    public TimeSpan Verschuiving { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Verschuiving;
}

/// <summary>The service with the test clock and the overdue check every 200 ms.</summary>
public sealed class KlokFixture(PostgresServer postgres) : MonitoringFixture(postgres)
{
    public Testklok Klok { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Instellingen => new Dictionary<string, string?>
    {
        ["Monitoring:Verzuimbewaking:Interval"] = "00:00:00.200",
    };

    protected override ServiceFactory<MonitoringService> Maak(string database, Dictionary<string, string?> settings) =>
        new MetKlok(database, Identity, settings, Klok);

    private sealed class MetKlok(string database, DevIdentityServer identity, Dictionary<string, string?> settings, Testklok klok)
        : ServiceFactory<MonitoringService>(database, identity, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(klok));
        }
    }
}
