using RobuustOD.Domain;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Features;
using RobuustOD.Subsidy.Regelingen;
using static RobuustOD.Subsidy.DecisionTests.Gegeven;

namespace RobuustOD.Subsidy.DecisionTests;

public sealed class BesluitTests
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    private static NeemBesluit.Opdracht Verlenen(decimal bedrag, IReadOnlyList<decimal>? per = null, Handeling? door = null, Gebruiker? als = null) =>
        new(Id, new NeemBesluit.Inhoud(Uitkomst.Verleend, bedrag, per, "motivering"), als ?? AlsOdnl, door ?? Odnl, null);

    private static Aanvraag TweeActiviteiten(Regels? regels = null) =>
        Aanvraag(Opgesteld(Activiteit(600.00m), Activiteit(400.00m, 18)), Ingediend(regels, 1000.00m));

    [Fact]
    public void geheel_verleend_volgt_de_aangevraagde_bedragen_per_activiteit()
    {
        var e = Assert.IsType<AanvraagVerleend>(Assert.Single(NeemBesluit.Beslis(TweeActiviteiten(), Verlenen(1000.00m))));
        Assert.Equal([600.00m, 400.00m], e.PerActiviteit);
    }

    [Fact]
    public void gedeeltelijk_bij_meer_activiteiten_vraagt_het_bedrag_per_activiteit()
    {
        Weigert(() => NeemBesluit.Beslis(TweeActiviteiten(), Verlenen(800.00m)), 400, "activiteiten");
        Weigert(() => NeemBesluit.Beslis(TweeActiviteiten(), Verlenen(800.00m, [500.00m, 200.00m])), 400, "activiteiten");
        Weigert(() => NeemBesluit.Beslis(TweeActiviteiten(), Verlenen(800.00m, [700.00m, 100.00m])), 400, "activiteiten[0].bedrag");
        Weigert(() => NeemBesluit.Beslis(TweeActiviteiten(), Verlenen(800.00m, [800.00m])), 400, "activiteiten");
        var e = Assert.IsType<AanvraagVerleend>(Assert.Single(NeemBesluit.Beslis(TweeActiviteiten(), Verlenen(800.00m, [600.00m, 200.00m]))));
        Assert.Equal([600.00m, 200.00m], e.PerActiviteit);
        Assert.Equal([300.00m], Assert.IsType<AanvraagVerleend>(Assert.Single(NeemBesluit.Beslis(Ingediende(1000.00m), Verlenen(300.00m)))).PerActiviteit);
    }

    [Fact]
    public void nooit_meer_dan_aangevraagd() => Weigert(() => NeemBesluit.Beslis(TweeActiviteiten(), Verlenen(1000.01m)), 400, "bedrag");

    [Fact]
    public void het_voorschot_is_het_percentage_van_de_regeling_op_de_cent()
    {
        var events = NeemBesluit.Beslis(TweeActiviteiten(Regels() with { VoorschotPercentage = 33.33m }), Verlenen(1000.00m)).ToList();
        var voorschot = Assert.IsType<BetalingGedaan>(events[1]);
        Assert.Equal(Betalingssoort.Voorschot, voorschot.Soort);
        Assert.Equal(333.30m, voorschot.Bedrag);
    }

    [Fact]
    public void weigeren_met_motivering()
    {
        var opdracht = new NeemBesluit.Opdracht(Id, new NeemBesluit.Inhoud(Uitkomst.Geweigerd, null, null, "Niet onderbouwd"), AlsOdnl, Odnl, null);
        Assert.Equal("Niet onderbouwd", Assert.IsType<AanvraagGeweigerd>(Assert.Single(NeemBesluit.Beslis(TweeActiviteiten(), opdracht))).Motivering);
    }

    [Fact]
    public void niet_zolang_de_gevraagde_informatie_uitblijft_en_niet_twee_keer()
    {
        var wacht = Aanvraag(Opgesteld(), Ingediend(), new InformatieGevraagd("Vraag", Nu));
        Assert.Contains("wacht op de gevraagde informatie", Weigert(() => NeemBesluit.Beslis(wacht, Verlenen(1.00m)), 409).Message);
        var beantwoord = Aanvraag(Opgesteld(), Ingediend(), new InformatieGevraagd("Vraag", Nu), new InformatieAangeleverd("Antwoord", [], Nu.AddDays(3)));
        Assert.Single(NeemBesluit.Beslis(beantwoord, Verlenen(1.00m)));
        Weigert(() => NeemBesluit.Beslis(Aanvraag(Opgesteld(), Ingediend(), Verleend(1000.00m)), Verlenen(1.00m)), 409);
        Weigert(() => NeemBesluit.Beslis(Aanvraag(Opgesteld()), Verlenen(1.00m)), 409);
    }

    [Fact]
    public void alleen_de_eigenaar_van_de_regeling_besluit()
    {
        Weigert(() => NeemBesluit.Beslis(TweeActiviteiten(), Verlenen(1000.00m, als: AlsIenw)), 403);
        Weigert(() => NeemBesluit.Beslis(null, Verlenen(1000.00m)), 404);
    }

    [Fact]
    public void boven_de_vier_ogen_drempel_is_het_een_voorstel_dat_een_ander_bekrachtigt()
    {
        var regels = Regels() with { VierOgenVanaf = 999.99m };
        var aanvraag = TweeActiviteiten(regels);
        var voorstel = Assert.IsType<BesluitVoorgesteld>(Assert.Single(NeemBesluit.Beslis(aanvraag, Verlenen(1000.00m))));
        Assert.Single(NeemBesluit.Beslis(TweeActiviteiten(regels), Verlenen(999.99m, [599.99m, 400.00m])).OfType<AanvraagVerleend>());

        var voorgesteld = Aanvraag(Opgesteld(Activiteit(600.00m), Activiteit(400.00m, 18)), Ingediend(regels, 1000.00m), voorstel);
        var zelf = new BekrachtigBesluit.Opdracht(Id, AlsOdnl, Odnl, null);
        Assert.Contains("vier-ogenprincipe", Weigert(() => BekrachtigBesluit.Beslis(voorgesteld, zelf), 409).Message);
        Weigert(() => BekrachtigBesluit.Beslis(voorgesteld, new BekrachtigBesluit.Opdracht(Id, AlsIenw, new Handeling("ienw", Nu), null)), 403);

        var tweede = new BekrachtigBesluit.Opdracht(Id, AlsOdnl, new Handeling("odnl-2", Nu), null);
        var e = Assert.IsType<AanvraagVerleend>(Assert.Single(BekrachtigBesluit.Beslis(voorgesteld, tweede)));
        Assert.Equal(("odnl", "odnl-2"), (e.Door, e.TweedeBeoordelaar));
        Weigert(() => BekrachtigBesluit.Beslis(aanvraag, tweede), 409);
    }
}
