using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Aanvragen;

public sealed record Kostenregel(string Categorie, decimal Bedrag);

/// <summary>An activity of a request: what, for which robustness criteria (catalogue numbers), when, at what cost.</summary>
public sealed record Activiteit(string Omschrijving, IReadOnlyList<int> Criteria, DateOnly PeriodeVan, DateOnly PeriodeTot,
    IReadOnlyList<Kostenregel> Kostenregels)
{
    public decimal Bedrag => Kostenregels.Sum(k => k.Bedrag);
}

/// <summary>Co-financing by (one of) the OD's owners: who and how much.</summary>
public sealed record Cofinanciering(string Door, decimal Bedrag);

public sealed record Documentverwijzing(string Titel, string Url);

public enum Uitkomst
{
    Verleend,
    Geweigerd,
}

public enum Betalingssoort
{
    Voorschot,
    Eindbetaling,
}

public enum BezwaarUitkomst
{
    Gegrond,
    Ongegrond,
}

/// <summary>A draft request was made (by the OD, or by ODNL/IenW on its behalf).</summary>
/// <param name="Behandelaar">The scheme's owner when the draft was made (it handles the request).</param>
public sealed record AanvraagOpgesteld(string Id, string Regeling, Eigenaar Behandelaar, string Omgevingsdienst, IReadOnlyList<Activiteit> Activiteiten,
    IReadOnlyList<Cofinanciering> Cofinanciering, IReadOnlyList<Documentverwijzing> Documenten, DateTimeOffset Op);

/// <summary>The draft was replaced by a new content (only while it is a draft; the scheme and the OD stay).</summary>
public sealed record AanvraagGewijzigd(IReadOnlyList<Activiteit> Activiteiten, IReadOnlyList<Cofinanciering> Cofinanciering,
    IReadOnlyList<Documentverwijzing> Documenten, DateTimeOffset Op);

/// <summary>The request was submitted and frozen, under this version of the scheme (its rules apply to it from now on).</summary>
public sealed record AanvraagIngediend(string Regeling, string Omgevingsdienst, int RegelingVersie, Regels Regels, decimal AangevraagdBedrag, DateTimeOffset Op);

public sealed record AanvraagInBehandelingGenomen(DateTimeOffset Op);

/// <summary>The owner asked for more information: the decision period is suspended until the OD answers.</summary>
public sealed record InformatieGevraagd(string Vraag, DateTimeOffset Op);

public sealed record InformatieAangeleverd(string Antwoord, IReadOnlyList<Documentverwijzing> Documenten, DateTimeOffset Op);

/// <summary>A decision above the four-eyes threshold, proposed by a first person; it takes effect when a second confirms.</summary>
public sealed record BesluitVoorgesteld(Uitkomst Uitkomst, decimal? Bedrag, IReadOnlyList<decimal> PerActiviteit, string Motivering,
    string Door, DateTimeOffset Op);

/// <summary>Granted, in full or in part: the total and per activity (in the order of the activities).</summary>
public sealed record AanvraagVerleend(decimal Bedrag, IReadOnlyList<decimal> PerActiviteit, string Motivering, string Door,
    string? TweedeBeoordelaar, DateTimeOffset Op);

public sealed record AanvraagGeweigerd(string Motivering, string Door, string? TweedeBeoordelaar, DateTimeOffset Op);

public sealed record BetalingGedaan(Betalingssoort Soort, decimal Bedrag, DateTimeOffset Op);

/// <summary>The OD's accountability: the realised costs per activity (in the order of the activities).</summary>
public sealed record VerantwoordingIngediend(IReadOnlyList<decimal> GerealiseerdPerActiviteit, string? Toelichting, DateTimeOffset Op);

/// <summary>The owner settled the subsidy at most at the granted amount; the difference was released to the budget.</summary>
public sealed record SubsidieVastgesteld(decimal Bedrag, decimal Vrijgevallen, string Motivering, DateTimeOffset Op);

/// <summary>The advance paid was higher than the settled amount: this much is claimed back.</summary>
public sealed record TerugvorderingVastgesteld(decimal Bedrag, DateTimeOffset Op);

public sealed record BezwaarIngediend(string Gronden, DateTimeOffset Op);

/// <summary>The objection was decided; an upheld one may set a new granted amount (null: the decision stands as it was).</summary>
public sealed record BezwaarBeslist(BezwaarUitkomst Uitkomst, decimal? NieuwBedrag, IReadOnlyList<decimal> PerActiviteit,
    string Motivering, DateTimeOffset Op);
