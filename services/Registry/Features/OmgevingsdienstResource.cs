using System.Text.Json.Serialization;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

public sealed record Link(string Href);

public sealed record OmgevingsdienstLinks(Link Self, Link Historie);

/// <summary>An OD as the register shows it on a peildatum (status and Seveso depend on the date).</summary>
public sealed record OmgevingsdienstResource(
    string Code,
    string Naam,
    IReadOnlyList<string> Provincies,
    int? AantalDeelnemers,
    DateOnly? OpgerichtOp,
    DateOnly? OpgehevenOp,
    OmgevingsdienstStatus Status,
    bool Seveso,
    IReadOnlyList<string> SevesoProvincies,
    IReadOnlyList<string> Voorgangers,
    IReadOnlyList<string> Opvolgers,
    FusieResource? Fusie,
    Zelftoets? Zelftoets,
    DateOnly Peildatum,
    long Versie,
    [property: JsonPropertyName("_links")] OmgevingsdienstLinks Links)
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

public sealed record FusieResource(
    string Opvolger,
    string OpvolgerNaam,
    IReadOnlyList<string> OpvolgerProvincies,
    int? OpvolgerAantalDeelnemers,
    IReadOnlyList<string> Deelnemers,
    DateOnly Ingangsdatum,
    DateOnly AangekondigdOp,
    FusieStatus Status,
    [property: JsonPropertyName("_links")] FusieLinks Links)
{
    public static FusieResource Van(AangekondigdeFusie f, string basePath) => new(f.Opvolger, f.OpvolgerNaam,
        f.OpvolgerProvincies, f.OpvolgerAantalDeelnemers, f.Deelnemers, f.Ingangsdatum, f.AangekondigdOp, f.Status,
        new FusieLinks(new Link($"{basePath}/fusies/{f.Opvolger}")));
}

public sealed record FusieLinks(Link Self);
