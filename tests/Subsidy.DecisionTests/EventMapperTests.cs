using JasperFx.Events;
using RobuustOD.Contracts.Subsidie;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Regelingen;
using static RobuustOD.Subsidy.DecisionTests.Gegeven;

namespace RobuustOD.Subsidy.DecisionTests;

public sealed class EventMapperTests
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    private static object? Map(object data, string stream = "aanvraag-" + Id)
    {
        var stored = new Event<object>(data) { StreamKey = stream };
        return new SubsidieEventMapper().Map(stored);
    }

    [Fact]
    public void de_gebeurtenissen_van_een_aanvraag_worden_contractgebeurtenissen()
    {
        Assert.Equal(new AanvraagIngediendV1(Id, "robuustheidsbijdrage", 1, "ODG", 1000.00m, Nu), Map(Ingediend()));
        Assert.Equal(new InformatieGevraagdV1(Id, Nu), Map(new InformatieGevraagd("vraag", Nu)));
        var verleend = Assert.IsType<SubsidieVerleendV1>(Map(Verleend(800.00m)));
        Assert.Equal((Id, 800.00m), (verleend.Aanvraag, verleend.Bedrag));
        Assert.Equal(new SubsidieGeweigerdV1(Id, Nu), Map(new AanvraagGeweigerd("m", "odnl", null, Nu)));
        Assert.Equal(new SubsidieBetaaldV1(Id, "voorschot", 640.00m, Nu), Map(new BetalingGedaan(Betalingssoort.Voorschot, 640.00m, Nu)));
        Assert.Equal(new SubsidieVastgesteldV1(Id, 700.00m, 100.00m, Nu), Map(new SubsidieVastgesteld(700.00m, 100.00m, "m", Nu)));
        Assert.Equal(new TerugvorderingVastgesteldV1(Id, 60.00m, Nu), Map(new TerugvorderingVastgesteld(60.00m, Nu)));
        Assert.Equal(new BezwaarBeslistV1(Id, "gegrond", 900.00m, Nu), Map(new BezwaarBeslist(BezwaarUitkomst.Gegrond, 900.00m, [900.00m], "m", Nu)));
    }

    [Fact]
    public void concepten_voorstellen_en_het_budget_blijven_binnen()
    {
        Assert.Null(Map(Opgesteld()));
        Assert.Null(Map(new BesluitVoorgesteld(Uitkomst.Verleend, 1.00m, [1.00m], "m", "odnl", Nu)));
        Assert.Null(Map(new BudgetVerplicht(Id, "ODG", 1.00m), "budget-robuustheidsbijdrage"));
        Assert.Null(Map(new RegelingVastgesteld("robuustheidsbijdrage", 1, Regels(), Nu), "regeling-robuustheidsbijdrage"));
    }
}
