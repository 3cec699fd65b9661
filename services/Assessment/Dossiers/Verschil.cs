namespace RobuustOD.Assessment.Dossiers;

public sealed record OordeelWijziging(Oordeel? Oud, Oordeel? Nieuw);

public sealed record CodeWijziging(int? Oud, int? Nieuw);

public sealed record TekstWijziging(string? Oud, string? Nieuw);

public sealed record DatumWijziging(DateOnly? Oud, DateOnly? Nieuw);

public sealed record LijstWijziging(IReadOnlyList<string> Toegevoegd, IReadOnlyList<string> Vervallen);

/// <summary>What changed in one annex row; null members did not change. A row only in the new version is <c>toegevoegd</c>.</summary>
public sealed record RijVerschil(int Nummer, bool Toegevoegd, bool Vervallen, CodeWijziging? StaatInPva, CodeWijziging? Haalbaarheid,
    TekstWijziging? SpecifiekeVraag, TekstWijziging? Maatregel, TekstWijziging? Duiding, LijstWijziging? Bronnen);

/// <summary>The difference between two versions of an assessment, field by field.</summary>
public sealed record Verschil(OordeelWijziging? Oordeel, LijstWijziging? Tekortkomingen, DatumWijziging? GesprekOp,
    TekstWijziging? Opmerkingen, IReadOnlyList<RijVerschil> Criteria)
{
    public bool IsLeeg => Oordeel is null && Tekortkomingen is null && GesprekOp is null && Opmerkingen is null && Criteria.Count == 0;

    public static Verschil Tussen(BeoordelingInhoud oud, BeoordelingInhoud nieuw)
    {
        var nummers = oud.Criteria.Select(c => c.Nummer).Union(nieuw.Criteria.Select(c => c.Nummer)).Order();
        var rijen = nummers.Select(n => Rij(n, oud.Criteria.FirstOrDefault(c => c.Nummer == n), nieuw.Criteria.FirstOrDefault(c => c.Nummer == n)))
            .OfType<RijVerschil>().ToList();
        return new Verschil(
            oud.Oordeel == nieuw.Oordeel ? null : new OordeelWijziging(oud.Oordeel, nieuw.Oordeel),
            Lijst(oud.Tekortkomingen, nieuw.Tekortkomingen),
            oud.GesprekOp == nieuw.GesprekOp ? null : new DatumWijziging(oud.GesprekOp, nieuw.GesprekOp),
            Tekst(oud.Opmerkingen, nieuw.Opmerkingen),
            rijen);
    }

    private static RijVerschil? Rij(int nummer, CriteriumScore? oud, CriteriumScore? nieuw)
    {
        var rij = new RijVerschil(nummer, oud is null, nieuw is null,
            Code(oud?.StaatInPva, nieuw?.StaatInPva), Code(oud?.Haalbaarheid, nieuw?.Haalbaarheid),
            Tekst(oud?.SpecifiekeVraag, nieuw?.SpecifiekeVraag), Tekst(oud?.Maatregel, nieuw?.Maatregel), Tekst(oud?.Duiding, nieuw?.Duiding),
            Lijst(oud?.Bronnen ?? [], nieuw?.Bronnen ?? []));
        var ongewijzigd = rij is { Toegevoegd: false, Vervallen: false, StaatInPva: null, Haalbaarheid: null, SpecifiekeVraag: null,
            Maatregel: null, Duiding: null, Bronnen: null };
        return ongewijzigd ? null : rij;
    }

    private static CodeWijziging? Code(int? oud, int? nieuw) => oud == nieuw ? null : new CodeWijziging(oud, nieuw);

    private static TekstWijziging? Tekst(string? oud, string? nieuw) => oud == nieuw ? null : new TekstWijziging(oud, nieuw);

    private static LijstWijziging? Lijst(IReadOnlyList<string> oud, IReadOnlyList<string> nieuw) =>
        oud.SequenceEqual(nieuw) ? null : new LijstWijziging([.. nieuw.Except(oud)], [.. oud.Except(nieuw)]);
}
