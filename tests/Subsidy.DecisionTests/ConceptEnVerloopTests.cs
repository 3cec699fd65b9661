using System.Text.Json;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Features;
using RobuustOD.Subsidy.Regelingen;
using static RobuustOD.Subsidy.DecisionTests.Gegeven;

namespace RobuustOD.Subsidy.DecisionTests;

/// <summary>Editing a draft, the budget over time, and how amounts are written.</summary>
public sealed class ConceptEnVerloopTests
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    private static WijzigAanvraag.Opdracht Wijziging(Gebruiker door, params Activiteit[] activiteiten) =>
        new(Id, new MaakAanvraagAan.Opdracht(Id, "robuustheidsbijdrage", "ODG", activiteiten, [], [], door, OdG), null);

    [Fact]
    public void een_concept_wordt_vervangen_en_telt_opnieuw_op()
    {
        var concept = Aanvraag(Opgesteld(Activiteit(1000.00m)));
        var e = Assert.IsType<AanvraagGewijzigd>(Assert.Single(WijzigAanvraag.Beslis(concept, Wijziging(AlsOdg, Activiteit(2000.00m), Activiteit(0.50m, 18)))));
        concept.Apply(e);
        Assert.Equal(2000.50m, concept.AangevraagdBedrag);
        Assert.Equal([7, 18], concept.Activiteiten.SelectMany(a => a.Criteria));

        // The same content again: nothing to append; ODNL on the OD's behalf may edit too.
        Assert.Empty(WijzigAanvraag.Beslis(concept, Wijziging(AlsOdnl, Activiteit(2000.00m), Activiteit(0.50m, 18))));
    }

    [Fact]
    public void een_ingediende_of_andermans_aanvraag_wordt_niet_gewijzigd()
    {
        Weigert(() => WijzigAanvraag.Beslis(Aanvraag(Opgesteld(), Ingediend()), Wijziging(AlsOdg, Activiteit(1.00m))), 409);
        Weigert(() => WijzigAanvraag.Beslis(Aanvraag(Opgesteld()), Wijziging(new Gebruiker("od", "FUMO"), Activiteit(1.00m))), 404);
        Weigert(() => WijzigAanvraag.Beslis(null, Wijziging(AlsOdg, Activiteit(1.00m))), 404);

        var andereRegeling = Wijziging(AlsOdg, Activiteit(1.00m)) is var w ? w with { Inhoud = w.Inhoud with { Regeling = "fusie-opsplitsing" } } : null!;
        Weigert(() => WijzigAanvraag.Beslis(Aanvraag(Opgesteld()), andereRegeling), 400);
        var andereOd = w with { Inhoud = w.Inhoud with { Omgevingsdienst = "ODA" } };
        Weigert(() => WijzigAanvraag.Beslis(Aanvraag(Opgesteld()), andereOd), 400);
    }

    [Fact]
    public void het_budgetverloop_geeft_de_stand_aan_het_eind_van_elke_periode_met_een_boeking()
    {
        var d1 = new DateOnly(2025, 3, 3);
        var d2 = new DateOnly(2025, 3, 20);
        var d3 = new DateOnly(2025, 5, 1);
        (DateOnly, object)[] gebeurtenissen =
        [
            (d1, new BudgetGeopend("robuustheidsbijdrage", 7_000_000.00m)),
            (d1, new BudgetVerplicht("a", "ODG", 100_000.00m)),
            (d1, new BudgetBetaald("a", 80_000.00m)),
            (d2, new BudgetVerplicht("b", "FUMO", 50_000.25m)),
            (d3, new BudgetVastgesteld("a", 70_000.00m)),
            (d3, new BudgetVrijgevallen("a", "ODG", 30_000.00m)),
            (d3, new BudgetTeruggevorderd("a", 10_000.00m)),
        ];

        var perDag = Budgetverloop.Bereken(gebeurtenissen, Periodisering.Dag);
        Assert.Equal(["2025-03-03", "2025-03-20", "2025-05-01"], perDag.Select(s => s.Periode));
        Assert.Equal(100_000.00m, perDag[0].Verplicht);
        Assert.Equal(80_000.00m, perDag[0].Betaald);
        Assert.Equal(150_000.25m, perDag[1].Verplicht);
        Assert.Equal(6_849_999.75m, perDag[1].Beschikbaar);
        Assert.Equal(120_000.25m, perDag[2].Verplicht);
        Assert.Equal((70_000.00m, 30_000.00m, 10_000.00m), (perDag[2].Vastgesteld, perDag[2].Vrijgevallen, perDag[2].Teruggevorderd));

        var perMaand = Budgetverloop.Bereken(gebeurtenissen, Periodisering.Maand);
        Assert.Equal(["2025-03", "2025-05"], perMaand.Select(s => s.Periode));
        Assert.Equal(new DateOnly(2025, 3, 31), perMaand[0].TotEnMet);
        Assert.Equal(150_000.25m, perMaand[0].Verplicht);
        Assert.Equal(perDag[2] with { Periode = "2025-05", TotEnMet = new DateOnly(2025, 5, 31) }, perMaand[1]);

        Assert.Empty(Budgetverloop.Bereken([], Periodisering.Dag));
        Assert.Null(Budgetverloop.Bereken([(d1, new BudgetGeopend("fusie-opsplitsing", null))], Periodisering.Dag)[0].Beschikbaar);
    }

    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("130000", "130000.00")]
    [InlineData("7000000.5", "7000000.50")]
    [InlineData("0.125", "0.125")]
    [InlineData("-4000.4", "-4000.40")]
    public void bedragen_staan_in_de_json_met_minstens_twee_decimalen(string waarde, string json)
    {
        var opties = new JsonSerializerOptions { Converters = { new GeldJson() } };
        var bedrag = decimal.Parse(waarde, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(json, JsonSerializer.Serialize(bedrag, opties));
        Assert.Equal(bedrag, JsonSerializer.Deserialize<decimal>(json, opties));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<decimal>("\"1.00\"", opties));
    }
}
