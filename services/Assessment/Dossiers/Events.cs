namespace RobuustOD.Assessment.Dossiers;

// The events of an OD's assessment dossier (one stream per OD, keyed by its code).

public sealed record PlanDocument(string Titel, string? Url, string? Bestandsnaam, int? AantalPaginas);

/// <summary>
/// A plan of approach was received and is part of the OD's dossier: an OD's own plan, or a joint plan IenW registered
/// for all the ODs it names (IenW's filing is the consent of all), recorded on the stream of each.
/// </summary>
public sealed record PlanVanAanpakGeregistreerd(Guid PlanId, IReadOnlyList<string> Omgevingsdiensten, DateOnly OntvangenOp,
    string Versie, PlanDocument Document, string Door);

/// <summary>
/// An OD (<c>IngediendDoor</c>) handed in a joint plan that names other ODs too; recorded on the stream of every OD it
/// names. It is no one's plan yet: in the filer's dossier it waits for the consent of the others, in theirs it is a
/// request to consent. The filer consented by filing.
/// </summary>
public sealed record GezamenlijkPlanIngediend(Guid PlanId, IReadOnlyList<string> Omgevingsdiensten, DateOnly OntvangenOp,
    string Versie, PlanDocument Document, string IngediendDoor, string Door);

/// <summary>An OD named in a pending joint plan consented to it (itself, or IenW on its behalf); recorded on the stream of every OD the plan names.</summary>
public sealed record InstemmingGegeven(Guid PlanId, string Omgevingsdienst, string Door);

/// <summary>The last named OD consented: the joint plan is now part of the dossier of every OD it names (on each stream).</summary>
public sealed record GezamenlijkPlanVastgesteld(Guid PlanId, string Door);

public sealed record BeoordelingAangemaakt(string Ronde, Guid? PlanId, string Door, DateTimeOffset Op);

/// <summary>A criterion row of a draft was written (or rewritten).</summary>
public sealed record CriteriumGescoord(string Ronde, CriteriumScore Score, string Door);

public sealed record OordeelVastgelegd(string Ronde, Oordeel? Oordeel, IReadOnlyList<string> Tekortkomingen, DateOnly? GesprekOp,
    string? Opmerkingen, string? Geadresseerde, string Door);

/// <summary>The draft became version 1, visible to the OD and the programme's partners.</summary>
public sealed record BeoordelingGepubliceerd(string Ronde, int Versie, BeoordelingInhoud Inhoud, string Door, DateTimeOffset Op);

/// <summary>A new version of a published assessment; earlier versions stay as they were.</summary>
public sealed record BeoordelingHerzien(string Ronde, int Versie, BeoordelingInhoud Inhoud, string Reden, string Door, DateTimeOffset Op);

/// <summary>Accompanies a revision that changed the verdict.</summary>
public sealed record OordeelHerzien(string Ronde, int Versie, Oordeel? Oud, Oordeel? Nieuw, string Reden);

/// <summary>Accompanies a revision per criterion whose traffic light changed.</summary>
public sealed record HaalbaarheidGewijzigd(string Ronde, int Versie, int Nummer, int? Oud, int? Nieuw);
