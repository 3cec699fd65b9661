using RobuustOD.RegisterReadModel;
using RobuustOD.ServiceDefaults;

namespace RobuustOD.Assessment;

/// <summary>The HTTP surface of this service.</summary>
public static class BeoordelingApi
{
    public static readonly ApiDescriptor Descriptor = new("beoordeling", "Beoordeling van plannen van aanpak",
        "De beoordeling van de plannen van aanpak van de omgevingsdiensten per robuustheidscriterium, het oordeel en de brief met bijlage. Volgt het register via diens gebeurtenissen.",
        "1.0.0");

    public static IEndpointRouteBuilder MapBeoordelingApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup(Descriptor).WithTags("Beoordeling").MapOmgevingsdienstView();
        endpoints.MapRegisterSubscription();
        return endpoints;
    }
}
