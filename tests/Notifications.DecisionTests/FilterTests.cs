using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.DecisionTests;

public sealed class FilterTests
{
    private static readonly Kenmerken Fusie = new("nl.robuustod.register.fusie-aangekondigd.v1", "register", "urn:bron", "ODA", ["ODA", "ODB", "ODC"], null);

    [Fact]
    public void subject_en_source_exact()
    {
        Assert.True(new Filter(Subject: "ODA").Past(Fusie));
        Assert.False(new Filter(Subject: "oda").Past(Fusie));
        Assert.False(new Filter(Subject: "ODB").Past(Fusie));
        Assert.True(new Filter(Source: "urn:bron").Past(Fusie));
        Assert.False(new Filter(Source: "urn:ander").Past(Fusie));
    }

    [Fact]
    public void omgevingsdienst_is_elke_betrokken_od() => Assert.True(new Filter(Omgevingsdienst: "ODB").Past(Fusie));

    [Fact]
    public void alle_eenvan_niet()
    {
        Assert.True(new Filter(Alle: [new Filter(Subject: "ODA"), new Filter(Source: "urn:bron")]).Past(Fusie));
        Assert.False(new Filter(Alle: [new Filter(Subject: "ODA"), new Filter(Source: "urn:ander")]).Past(Fusie));
        Assert.True(new Filter(EenVan: [new Filter(Subject: "ODX"), new Filter(Source: "urn:bron")]).Past(Fusie));
        Assert.False(new Filter(EenVan: [new Filter(Subject: "ODX"), new Filter(Source: "urn:ander")]).Past(Fusie));
        Assert.True(new Filter(Niet: new Filter(Subject: "ODX")).Past(Fusie));
        Assert.False(new Filter(Niet: new Filter(Subject: "ODA")).Past(Fusie));
    }

    [Fact]
    public void diepte_en_knopen()
    {
        var f = new Filter(Alle: [new Filter(Niet: new Filter(Subject: "X")), new Filter(Source: "Y")]);
        Assert.Equal(3, f.Diepte);
        Assert.Equal(4, f.Knopen);
        Assert.Equal(1, f.AantalVoorwaarden);
        Assert.Equal(2, new Filter(Subject: "X", Source: "Y").AantalVoorwaarden);
    }
}
