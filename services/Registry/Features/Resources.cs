using RobuustOD.Contracts.Api;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>
/// The register's aggregate as its public contract (RobuustOD.Contracts.Register.Api) shows it: the factories
/// of the response records, which live in the contracts library and so cannot know the aggregate.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1708",
    Justification = "False positive: the analyzer compares the compiler-generated names of the two extension blocks.")]
public static class Resources
{
    extension(OmgevingsdienstResource)
    {
        public static OmgevingsdienstResource Van(Omgevingsdienst od, DateOnly peildatum, string basePath)
        {
            var seveso = od.SevesoProvinciesOp(peildatum);
            var self = $"{basePath}/omgevingsdiensten/{od.Id}";
            return new OmgevingsdienstResource(od.Id, od.Naam, od.Provincies, od.AantalDeelnemers, od.OpgerichtOp,
                od.OpgehevenOp, od.StatusOp(peildatum), seveso.Count > 0, seveso, od.Voorgangers, od.Opvolgers,
                od.Fusie is null ? null : FusieResource.Van(od.Fusie, basePath), od.Zelftoets, peildatum, od.Version,
                new OmgevingsdienstLinks(new Link(self), new Link($"{self}/historie")));
        }
    }

    extension(FusieResource)
    {
        public static FusieResource Van(AangekondigdeFusie f, string basePath) => new(f.Opvolger, f.OpvolgerNaam,
            f.OpvolgerProvincies, f.OpvolgerAantalDeelnemers, f.Deelnemers, f.Ingangsdatum, f.AangekondigdOp, f.Status,
            new FusieLinks(new Link($"{basePath}/fusies/{f.Opvolger}")));
    }
}
