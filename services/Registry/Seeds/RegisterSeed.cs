using RobuustOD.Registry.Features;

namespace RobuustOD.Registry.Seeds;

/// <summary>The shape of <c>seeds/register/omgevingsdiensten.json</c>: the API's own commands, in order.</summary>
public sealed record RegisterSeed(
    IReadOnlyList<RegisterSeed.Omgevingsdienst> Omgevingsdiensten,
    IReadOnlyList<RegisterSeed.SevesoAanwijzing> SevesoAanwijzingen,
    IReadOnlyList<RegisterSeed.Fusie> Fusies,
    IReadOnlyList<RegisterSeed.Zelftoets> Zelftoetsen)
{
    public sealed record Omgevingsdienst(string Code, string Naam, IReadOnlyList<string> Provincies, int? AantalDeelnemers,
        DateOnly? OpgerichtOp, IReadOnlyList<string> Bronnen)
    {
        public RegistreerOmgevingsdienst.Verzoek AlsVerzoek() => new(Code, Naam, Provincies, AantalDeelnemers, OpgerichtOp);
    }

    public sealed record SevesoAanwijzing(string Omgevingsdienst, IReadOnlyList<string> Provincies, DateOnly? Ingangsdatum);

    public sealed record Fusie(IReadOnlyList<string> Deelnemers, KondigFusieAan.Opvolger Opvolger, DateOnly AangekondigdOp,
        DateOnly Ingangsdatum, bool Voltooid, bool Onbevestigd, IReadOnlyList<string> Bronnen);

    public sealed record Zelftoets(string Omgevingsdienst, bool Robuust, DateOnly BeoordeeldOp, string? Toelichting);
}
