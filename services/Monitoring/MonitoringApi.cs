using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;

namespace RobuustOD.Monitoring;

/// <summary>The HTTP surface of this service.</summary>
public static class MonitoringApi
{
    public static readonly ApiDescriptor Descriptor = new("monitoring", "Monitoring van de voortgang",
        "De monitoring van de voortgang van de omgevingsdiensten: voortgangsrapportages en eindrapportage. Volgt het register via diens gebeurtenissen.",
        "1.0.0");

    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup(Descriptor).WithTags("Monitoring").MapOmgevingsdienstView();
        endpoints.MapRegisterSubscription();
        return endpoints;
    }
}
