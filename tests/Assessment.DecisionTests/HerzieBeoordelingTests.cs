using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

public sealed class HerzieBeoordelingTests
{
    private static readonly IReadOnlyList<string> Bronnen = ["PvA (blz 1)"];

    private static HerzieBeoordeling.Opdracht Opdracht(Oordeel? oordeel = null, string? opmerkingen = null, string reden = "Na het gesprek",
        params HerzieBeoordeling.Rij[] rijen) =>
        new(Code, Ronde, reden, oordeel, null, null, opmerkingen, rijen, Ienw, null);

    /// <summary>Row <paramref name="nummer"/> as <see cref="Given.Score"/> wrote it, with another traffic light or duiding.</summary>
    private static HerzieBeoordeling.Rij Rij(int nummer, int? haalbaarheid, string duiding = "Duiding.") =>
        new(nummer, null, "Maatregel.", duiding, Bronnen, 0, haalbaarheid);

    private static Beoordelingsdossier Gepubliceerd() => Dossier(GepubliceerdeEvents())!;

    [Fact]
    public void een_ander_oordeel_en_stoplicht_geven_de_herziening_en_beide_afgeleide_gebeurtenissen()
    {
        var events = HerzieBeoordeling.Beslis(Gepubliceerd(), Opdracht(Oordeel.NietRobuust, rijen: Rij(7, 3)), HuidigeCatalogus).ToList();

        Assert.Equal(3, events.Count);
        var herzien = Assert.IsType<BeoordelingHerzien>(events[0]);
        Assert.Equal((Ronde, 2, "Na het gesprek", "ienw", Ienw.Op), (herzien.Ronde, herzien.Versie, herzien.Reden, herzien.Door, herzien.Op));
        Assert.Equal(Oordeel.NietRobuust, herzien.Inhoud.Oordeel);
        Assert.Equal([(4, 3), (7, 3)], herzien.Inhoud.Criteria.Select(c => (c.Nummer, c.Haalbaarheid ?? 0)));
        Assert.Equal(new OordeelHerzien(Ronde, 2, Oordeel.NietZelfstandigRobuust, Oordeel.NietRobuust, "Na het gesprek"), events[1]);
        Assert.Equal(new HaalbaarheidGewijzigd(Ronde, 2, 7, 2, 3), events[2]);
    }

    [Fact]
    public void wat_de_herziening_weglaat_blijft_zoals_het_was()
    {
        var dossier = Gepubliceerd();
        var events = HerzieBeoordeling.Beslis(dossier, Opdracht(opmerkingen: "Nieuwe opmerking."), HuidigeCatalogus);

        var herzien = Assert.IsType<BeoordelingHerzien>(Assert.Single(events));
        var oud = dossier.In(Ronde)!.Huidige!.Inhoud;
        Assert.Equal("Nieuwe opmerking.", herzien.Inhoud.Opmerkingen);
        Assert.Equal(oud.Oordeel, herzien.Inhoud.Oordeel);
        Assert.Equal(oud.Tekortkomingen, herzien.Inhoud.Tekortkomingen);
        Assert.Equal(oud.GesprekOp, herzien.Inhoud.GesprekOp);
        Assert.Equal(oud.Geadresseerde, herzien.Inhoud.Geadresseerde);
        Assert.Equal(oud.Criteria, herzien.Inhoud.Criteria);
    }

    [Fact]
    public void alleen_tekst_in_een_rij_geeft_geen_stoplichtgebeurtenis()
    {
        var events = HerzieBeoordeling.Beslis(Gepubliceerd(), Opdracht(rijen: Rij(7, 2, "Een betere duiding.")), HuidigeCatalogus);

        var herzien = Assert.IsType<BeoordelingHerzien>(Assert.Single(events));
        Assert.Equal("Een betere duiding.", herzien.Inhoud.Criteria.Single(c => c.Nummer == 7).Duiding);
    }

    [Fact]
    public void een_nieuwe_rij_is_een_stoplicht_van_niets_naar_de_kleur_tegen_de_huidige_criteriumversie()
    {
        var events = HerzieBeoordeling.Beslis(Gepubliceerd(), Opdracht(rijen: Rij(15, 1)), HuidigeCatalogus).ToList();

        var herzien = Assert.IsType<BeoordelingHerzien>(events[0]);
        Assert.Equal([4, 7, 15], herzien.Inhoud.Criteria.Select(c => c.Nummer));
        Assert.Equal(1, herzien.Inhoud.Criteria.Single(c => c.Nummer == 15).CriteriumVersie);
        Assert.Equal(new HaalbaarheidGewijzigd(Ronde, 2, 15, null, 1), Assert.Single(events.Skip(1)));
    }

    [Fact]
    public void een_herziene_rij_volgt_de_huidige_versie_van_het_criterium()
    {
        var events = HerzieBeoordeling.Beslis(Gepubliceerd(), Opdracht(rijen: Rij(4, 1)), HuidigeCatalogus).ToList();

        var herzien = Assert.IsType<BeoordelingHerzien>(events[0]);
        Assert.Equal(1, herzien.Inhoud.Criteria.Single(c => c.Nummer == 4).CriteriumVersie);
        Assert.Equal(new HaalbaarheidGewijzigd(Ronde, 2, 4, 3, 1), events[1]);
        // Row 7 was scored against version 1; rewritten, it points at the catalogue's current version 2.
        var metZeven = HerzieBeoordeling.Beslis(Gepubliceerd(), Opdracht(rijen: Rij(7, 1)), HuidigeCatalogus).OfType<BeoordelingHerzien>().Single();
        Assert.Equal(2, metZeven.Inhoud.Criteria.Single(c => c.Nummer == 7).CriteriumVersie);
    }

    [Fact]
    public void een_tweede_herziening_wordt_versie_3()
    {
        var dossier = Dossier([.. GepubliceerdeEvents(), .. HerzieBeoordeling.Beslis(Gepubliceerd(), Opdracht(Oordeel.NietRobuust), HuidigeCatalogus)]);

        var events = HerzieBeoordeling.Beslis(dossier, Opdracht(Oordeel.Robuust, reden: "Nieuwe feiten"), HuidigeCatalogus).ToList();

        Assert.Equal(3, Assert.IsType<BeoordelingHerzien>(events[0]).Versie);
        Assert.Equal(new OordeelHerzien(Ronde, 3, Oordeel.NietRobuust, Oordeel.Robuust, "Nieuwe feiten"), events[1]);
    }

    [Fact]
    public void een_herziening_die_niets_verandert_geeft_409()
    {
        var fout = Weigering.Verwacht(DomainRuleException.ConflictStatus, Weigering.Van(() =>
            HerzieBeoordeling.Beslis(Gepubliceerd(), Opdracht(Oordeel.NietZelfstandigRobuust, rijen: Rij(7, 2)), HuidigeCatalogus)));
        Assert.Contains("verandert niets", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void een_criterium_buiten_de_catalogus_geeft_400_op_zijn_rij()
    {
        Weigering.Verwacht(DomainRuleException.InvalidStatus, Weigering.Van(() =>
            HerzieBeoordeling.Beslis(Gepubliceerd(), Opdracht(rijen: [Rij(4, 1), Rij(99, 2)]), HuidigeCatalogus)), "criteria[1].nummer");
    }

    [Fact]
    public void een_concept_herzien_geeft_409()
    {
        Weigering.Verwacht(DomainRuleException.ConflictStatus, Weigering.Van(() =>
            HerzieBeoordeling.Beslis(Dossier(Aangemaakt(), Beoordeeld()), Opdracht(Oordeel.Robuust), HuidigeCatalogus)));
    }

    [Fact]
    public void een_beoordeling_die_niet_bestaat_geeft_404()
    {
        Weigering.Verwacht(DomainRuleException.NotFoundStatus, Weigering.Van(() =>
            HerzieBeoordeling.Beslis(Dossier(Plan()), Opdracht(Oordeel.Robuust), HuidigeCatalogus)));
    }
}
