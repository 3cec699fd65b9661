namespace RobuustOD.Gateway.Dashboard;

// The parts of the services' responses the dashboard shows (services/*/openapi.json); unknown members are ignored.

public sealed record RegisterPagina(List<RegisterOd> Omgevingsdiensten, int Totaal);

public sealed record RegisterOd(string Code, string Naam, List<string> Provincies, int? AantalDeelnemers, string? OpgerichtOp,
    string? OpgehevenOp, string Status, bool Seveso, List<string> SevesoProvincies, List<string> Voorgangers, List<string> Opvolgers, long Versie);

public sealed record RegisterHistorie(List<RegisterGebeurtenis> Gebeurtenissen);

public sealed record RegisterGebeurtenis(string Type, long Versie, DateTimeOffset GeregistreerdOp, string? Door);

public sealed record Matrix(string Ronde, List<MatrixCriterium> Criteria, List<MatrixOd> Omgevingsdiensten, List<MatrixAantallen> AantallenPerCriterium);

public sealed record MatrixCriterium(int Nummer, string? Titel);

public sealed record MatrixOd(string Omgevingsdienst, string Naam, bool Seveso, string? Oordeel, int Versie, List<MatrixCel> Criteria, Aantallen Aantallen);

public sealed record MatrixCel(int Nummer, int? Haalbaarheid, string? Kleur, int? StaatInPva);

public sealed record Aantallen(int Groen, int Oranje, int Rood, int Geen);

public sealed record MatrixAantallen(int Nummer, int Groen, int Oranje, int Rood, int Geen);

public sealed record Beoordelingen(List<Beoordeling> Items);

public sealed record Beoordeling(string Id, string Omgevingsdienst, string Ronde, string Status, int? Versie, string? Oordeel, string? OordeelOmschrijving,
    List<string> Tekortkomingen, string? GesprekOp, List<BeoordelingRij> Criteria, string? VastgesteldOp);

public sealed record BeoordelingRij(int Nummer, string? Titel, string? Maatregel, string? Duiding, int? StaatInPva, string StaatInPvaBetekenis, int? Haalbaarheid, string? HaalbaarheidKleur);

public sealed record Rondes(List<Ronde> Rapportagerondes);

public sealed record Ronde(string Id, string Soort, string Naam, string? IndienenUiterlijk);

public sealed record Termijnen(string Ronde, string? IndienenUiterlijk, string Peildatum, TermijnAantallen Aantallen, List<TermijnOd> Omgevingsdiensten);

public sealed record TermijnAantallen(int Tijdig, int TeLaat, int TermijnVerstreken, int NogNietVerlopen, int GeenTermijn);

public sealed record TermijnOd(string Omgevingsdienst, string Naam, List<string> Provincies, bool Seveso, string Status, string? IngediendOp, int? DagenTeLaat, string? VerzuimVastgesteldOp);

public sealed record Escalaties(List<Escalatie> Items);

public sealed record Escalatie(string Id, string Omgevingsdienst, string Ronde, string Stap, string Status, string GeopendOp, string? GeplandOp, string? AfgerondOp, string? Uitkomst);

public sealed record Monitoringdossier(MonitoringOd Omgevingsdienst, Basislijn? Basislijn, List<DossierRonde> Rondes, List<DossierOordeel> Oordelen,
    string? Eindresultaat, List<OpenEscalatie> OpenEscalaties, List<DossierGesprek> Gesprekken, List<DossierBesluit> Besluiten, List<TijdlijnRegel> Tijdlijn);

public sealed record MonitoringOd(string Code, string Naam);

public sealed record Basislijn(string Ronde, int Versie, string? Oordeel, List<BasislijnCel> Criteria);

public sealed record BasislijnCel(int Nummer, int? Haalbaarheid);

public sealed record DossierRonde(string Ronde, string Naam, string? IndienenUiterlijk, string Status, string? IngediendOp, int? DagenTeLaat);

public sealed record DossierOordeel(string Ronde, string Voortgang, string Uitkomst, string Toelichting, string? VastgesteldOp);

public sealed record OpenEscalatie(string Id, string Ronde, string Stap, string Status, string GeopendOp, string? GeplandOp);

public sealed record DossierGesprek(string Id, string Soort, string Datum, string? Uitkomst);

public sealed record DossierBesluit(string Id, string Inhoud, string Datum);

public sealed record TijdlijnRegel(string Op, string Soort, string Omschrijving);

public sealed record Rapportage(string Id, string Ronde, string Status, string? IngediendOp, List<RapportageCriterium> Criteria, List<TrendRegel> Trend);

public sealed record RapportageCriterium(int Nummer, int? Haalbaarheid);

public sealed record TrendRegel(int Nummer, int? Beoordeling, int? DezeRapportage, string? Trend);

public sealed record RegelingenLijst(List<Regeling> Regelingen);

public sealed record Regeling(string Code, string Naam, string Eigenaar, Budget Budget);

/// <summary>The budget at the end of each month with a booking (the subsidy API's <c>budgetverloop</c>).</summary>
public sealed record Budgetverloop(string Regeling, string Per, List<Budgetstand> Verloop);

public sealed record Budgetstand(string Periode, DateOnly TotEnMet, decimal? Plafond, decimal Verplicht, decimal Betaald, decimal Vastgesteld,
    decimal Vrijgevallen, decimal Teruggevorderd, decimal? Beschikbaar);

public sealed record Budget(decimal? Plafond, decimal Verplicht, decimal Betaald, decimal Vastgesteld, decimal Vrijgevallen, decimal Teruggevorderd, decimal? Beschikbaar);

public sealed record Subsidieoverzicht(string Code, List<SubsidieRegeling> Regelingen, List<SubsidieAanvraag>? Aanvragen);

public sealed record SubsidieRegeling(string Regeling, int AantalAanvragen, int AantalVerleend, decimal Aangevraagd, decimal Verleend, decimal Betaald);

public sealed record SubsidieAanvraag(string Id, string Regeling, string Status, decimal AangevraagdBedrag, decimal? VerleendBedrag, decimal Betaald);
