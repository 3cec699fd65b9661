using RobuustOD.Contracts.Register.Api;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>How the register answers with an OD: its resource on a peildatum, its version as the ETag.</summary>
public static class Antwoord
{
    public static OmgevingsdienstResource MetETag(this HttpResponse response, Omgevingsdienst od, DateOnly peildatum, ApiDescriptor api)
    {
        response.SetETag(od.Version);
        return OmgevingsdienstResource.Van(od, peildatum, api.BasePath);
    }
}
