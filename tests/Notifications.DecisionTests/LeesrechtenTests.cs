using RobuustOD.Domain;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.DecisionTests;

public sealed class LeesrechtenTests
{
    private static readonly Dictionary<string, string> Eigenaren = new() { ["robuustheidsbijdrage"] = "odnl", ["fusie-opsplitsing"] = "ienw" };

    private const string Gewijzigd = "nl.robuustod.register.omgevingsdienst-gewijzigd.v1";
    private const string Escalatie = "nl.robuustod.monitoring.escalatie-geopend.v1";
    private const string Verleend = "nl.robuustod.subsidie.subsidie-verleend.v1";

    private static Kenmerken Register(string od) => new(Gewijzigd, "register", "urn:nld:oin:00000000000000000000:systeem:robuustod-register", od, [od], null);

    private static Kenmerken Subsidie(string od, string regeling) =>
        new(Verleend, "subsidie", "urn:nld:oin:00000000000000000000:systeem:robuustod-subsidie", "aanvraag-1", [od], regeling);

    [Theory]
    [InlineData("ienw", true)]
    [InlineData("ipo", true)]
    [InlineData("vng", true)]
    [InlineData("odnl", true)]
    [InlineData("beoordelaar", true)]
    public void registergegevens_zijn_openbaar(string rol, bool mag) => Assert.Equal(mag, Leesrechten.MagLezen(rol, null, Register("ODG"), Eigenaren));

    [Fact]
    public void een_omgevingsdienst_leest_alleen_over_zichzelf()
    {
        Assert.True(Leesrechten.MagLezen("od", "ODG", Register("ODG"), Eigenaren));
        Assert.False(Leesrechten.MagLezen("od", "ODG", Register("ODX"), Eigenaren));
        Assert.False(Leesrechten.MagLezen("od", "ODG", Register("odg"), Eigenaren));
    }

    [Theory]
    [InlineData("ienw", true)]
    [InlineData("beoordelaar", true)]
    [InlineData("odnl", false)]
    [InlineData("ipo", false)]
    [InlineData("vng", false)]
    public void escalatie_alleen_voor_ienw_de_beoordelaar_en_de_od_zelf(string rol, bool mag)
    {
        var e = new Kenmerken(Escalatie, "monitoring", "urn:nld:oin:00000000000000000000:systeem:robuustod-monitoring", "ODG", ["ODG"], null);
        Assert.Equal(mag, Leesrechten.MagLezen(rol, null, e, Eigenaren));
        Assert.True(Leesrechten.MagLezen("od", "ODG", e, Eigenaren));
    }

    [Fact]
    public void aanvragen_voor_ienw_de_eigenaar_van_de_regeling_en_de_od()
    {
        Assert.True(Leesrechten.MagLezen("ienw", null, Subsidie("ODG", "fusie-opsplitsing"), Eigenaren));
        Assert.True(Leesrechten.MagLezen("odnl", null, Subsidie("ODG", "robuustheidsbijdrage"), Eigenaren));
        Assert.False(Leesrechten.MagLezen("odnl", null, Subsidie("ODG", "fusie-opsplitsing"), Eigenaren));
        Assert.False(Leesrechten.MagLezen("odnl", null, Subsidie("ODG", "onbekend"), Eigenaren));
        Assert.False(Leesrechten.MagLezen("ipo", null, Subsidie("ODG", "robuustheidsbijdrage"), Eigenaren));
        Assert.True(Leesrechten.MagLezen("od", "ODG", Subsidie("ODG", "robuustheidsbijdrage"), Eigenaren));
        Assert.False(Leesrechten.MagLezen("od", "ODX", Subsidie("ODG", "robuustheidsbijdrage"), Eigenaren));
    }

    [Fact]
    public void een_topic_staat_voor_de_types_die_de_rol_mag_lezen()
    {
        var ipo = Leesrechten.TypesVoor("ipo", "monitoring");
        Assert.NotEmpty(ipo);
        Assert.DoesNotContain(Escalatie, ipo);
        Assert.Contains(Escalatie, Leesrechten.TypesVoor("ienw", "monitoring"));
        Assert.Empty(Leesrechten.TypesVoor("ipo", "subsidie"));
    }

    [Fact]
    public void een_onleesbaar_of_onbekend_type_is_400_op_het_veld()
    {
        var subsidie = Assert.Throws<DomainRuleException>(() => Leesrechten.Controleer(new Gebruiker("ipo", null), ["register", "subsidie"], null));
        Assert.Equal(400, subsidie.Status);
        Assert.Contains("types[1]", subsidie.Errors!.Keys);
        var onbekend = Assert.Throws<DomainRuleException>(() => Leesrechten.Controleer(new Gebruiker("ienw", null), ["nl.robuustod.register.bestaat-niet.v1"], null));
        Assert.Contains("types[0]", onbekend.Errors!.Keys);
        var escalatie = Assert.Throws<DomainRuleException>(() => Leesrechten.Controleer(new Gebruiker("vng", null), [Escalatie], null));
        Assert.Contains("types[0]", escalatie.Errors!.Keys);
    }

    [Fact]
    public void een_filter_dat_een_od_meer_laat_zien_wordt_geweigerd()
    {
        var od = new Gebruiker("od", "ODG");
        Leesrechten.Controleer(od, ["register"], new Filter(Subject: "ODG"));
        Leesrechten.Controleer(od, ["register"], new Filter(Alle: [new Filter(Omgevingsdienst: "ODG"), new Filter(Niet: new Filter(Source: "urn:x"))]));
        foreach (var filter in new[]
                 {
                     new Filter(Subject: "ODX"),
                     new Filter(EenVan: [new Filter(Subject: "ODG"), new Filter(Omgevingsdienst: "ODX")]),
                     new Filter(Niet: new Filter(Subject: "ODG")),
                 })
        {
            var fout = Assert.Throws<DomainRuleException>(() => Leesrechten.Controleer(od, ["register"], filter));
            Assert.Equal(400, fout.Status);
            Assert.Contains("filters", fout.Errors!.Keys);
        }
    }

    [Fact]
    public void een_abonnement_ontvangt_zijn_types_door_zijn_filter_en_zijn_rechten()
    {
        var abonnement = Abonnement.Create(new AbonnementAangemaakt("a", "ipo", null,
            new Instellingen("https://x.example.nl", ["register"], new Filter(Subject: "ODG"), Authenticatiesoort.Geen, null, "c", null, false), null,
            DateTimeOffset.UnixEpoch));
        Assert.True(Leesrechten.Ontvangt(abonnement, Register("ODG"), Eigenaren));
        Assert.False(Leesrechten.Ontvangt(abonnement, Register("ODX"), Eigenaren));
        Assert.False(Leesrechten.Ontvangt(abonnement, Subsidie("ODG", "robuustheidsbijdrage") with { Subject = "ODG" }, Eigenaren));
        abonnement.Apply(new AbonnementVerwijderd(DateTimeOffset.UnixEpoch));
        Assert.False(Leesrechten.Ontvangt(abonnement, Register("ODG"), Eigenaren));
    }
}
