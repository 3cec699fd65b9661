using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.RegisterReadModel;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

/// <summary>
/// The letter's date is the Dutch date of its version: published at 2026-03-31T23:30Z (01:30 on 1 April in Amsterdam,
/// summer time) it is a letter of 1 April, not of 31 March as the UTC date would have it.
/// </summary>
public sealed class BriefDatumTests
{
    private static readonly DateTimeOffset VlakNaMiddernacht = new(2026, 3, 31, 23, 30, 0, TimeSpan.Zero);

    private static readonly BriefSjabloon Sjabloon = new()
    {
        Id = "2024.1", Ronde = Ronde, Versie = 1, Onderwerp = "Oordeel",
        Sjabloon = "{% if omgevingsdienst.seveso %}Seveso{% else %}Geen Seveso{% endif %}", VastgesteldOp = Moment, VastgesteldDoor = "seed",
    };

    /// <summary>A Seveso-OD whose designation ends on 1 April 2026.</summary>
    private static Brief.Gegevens Gegevens(DateTimeOffset op)
    {
        var dossier = Dossier(GepubliceerdeEvents())!;
        var beoordeling = dossier.In(Ronde)!;
        var versie = beoordeling.Huidige! with { Op = op };
        var od = new OmgevingsdienstUitRegister { Id = Code, Naam = "Omgevingsdienst Groningen", SevesoProvincies = ["Groningen"], SevesoTot = new DateOnly(2026, 4, 1) };
        return new Brief.Gegevens(Id, versie, dossier, beoordeling, od, []);
    }

    [Fact]
    public async Task de_referentieregel_noemt_de_nederlandse_datum()
    {
        var markdown = await Brief.MarkdownAsync(Sjabloon, Gegevens(VlakNaMiddernacht));

        Assert.Contains("versie 1 van 1 april 2026,", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task de_seveso_alinea_volgt_het_register_op_de_nederlandse_datum()
    {
        Assert.Contains("Geen Seveso", await Brief.MarkdownAsync(Sjabloon, Gegevens(VlakNaMiddernacht)), StringComparison.Ordinal);
        // An hour earlier it is still 31 March in Amsterdam too: the designation holds.
        var eerder = await Brief.MarkdownAsync(Sjabloon, Gegevens(VlakNaMiddernacht.AddHours(-2)));
        Assert.Contains("versie 1 van 31 maart 2026,", eerder, StringComparison.Ordinal);
        Assert.DoesNotContain("Geen Seveso", eerder, StringComparison.Ordinal);
    }
}
