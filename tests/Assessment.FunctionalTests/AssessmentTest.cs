using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// Base of the assessment tests on a fixture of their choice (see <see cref="AssessmentTest"/> for the usual one):
/// clients per role, the event count, and the assessor's steps in their HTTP form.
/// </summary>
public abstract class AssessmentTest<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AssessmentFixture
{
    protected const string Base = "/beoordeling/v1";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TFixture Fixture => fixture;

    protected ServiceFactory<AssessmentService> App => fixture.App;

    /// <summary>A client with a token of <paramref name="clientId"/> (e.g. <c>ienw</c>, <c>od-ODG</c>); null: anonymous.</summary>
    protected Task<HttpClient> Als(string? clientId) => App.ClientAsync(clientId, Ct);

    protected Task<HttpClient> Ienw() => Als("ienw");

    protected Task<HttpClient> Beoordelaar() => Als("beoordelaar");

    protected Task<HttpClient> Od(string code) => Als($"od-{code}");

    protected Task<HttpClient> Ipo() => Als("ipo");

    protected Task<HttpClient> Vng() => Als("vng");

    protected Task<HttpClient> Odnl() => Als("odnl");

    protected Task<HttpClient> Anoniem() => Als(null);

    /// <summary>The number of events in the store: a refused command leaves it unchanged.</summary>
    protected Task<long> EventCountAsync() => App.EventCountAsync(Ct);

    /// <summary>A round no other test of the class uses (tests of a class share its database), e.g. <c>2024-3f9a0c7d1e2b</c>.</summary>
    protected static string NieuweRonde() => "2024-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>GET as <paramref name="clientId"/>, asserting 200; returns the JSON.</summary>
    protected async Task<JsonElement> GetJsonAsync(string url, string? clientId = "ienw")
    {
        using var client = await Als(clientId);
        using var response = await client.GetAsync(url, Ct);
        return await response.AssertJsonAsync();
    }

    /// <summary>Opens a draft (as the assessor) for <paramref name="code"/> in a new round; returns its id, e.g. <c>ODG-2024-…</c>.</summary>
    protected async Task<string> MaakConceptAsync(string code = Register.Odg, string? ronde = null, Guid? planVanAanpak = null)
    {
        using var client = await Beoordelaar();
        using var response = await client.PostAsJsonAsync($"{Base}/beoordelingen",
            new { omgevingsdienst = code, ronde = ronde ?? NieuweRonde(), planVanAanpak }, Ct);
        return (await response.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>A valid annex row; <paramref name="haalbaarheid"/> 1 green, 2 orange, 3 red.</summary>
    protected static object Rij(int? haalbaarheid = 3, int? staatInPva = 0, string duiding = "De duiding van de beoordelaar.") => new
    {
        specifiekeVraag = (string?)null,
        maatregel = "Een maatregel uit het plan.",
        duiding,
        bronnen = new[] { "PvA (blz 1)" },
        staatInPva,
        haalbaarheid,
    };

    /// <summary>Writes a row of a draft (as the assessor), asserting 200; returns the assessment.</summary>
    protected async Task<JsonElement> ScoorAsync(string id, int nummer, object? rij = null)
    {
        using var client = await Beoordelaar();
        using var response = await client.PutAsJsonAsync($"{Base}/beoordelingen/{id}/criteria/{nummer}", rij ?? Rij(), Ct);
        return await response.AssertJsonAsync();
    }

    /// <summary>Writes the verdict of a draft (as the assessor), asserting 200.</summary>
    protected async Task<JsonElement> LegOordeelVastAsync(string id, string oordeel = "nietZelfstandigRobuust", params string[] tekortkomingen)
    {
        using var client = await Beoordelaar();
        using var response = await client.PutAsJsonAsync($"{Base}/beoordelingen/{id}/oordeel", new
        {
            oordeel,
            tekortkomingen = tekortkomingen.Length > 0 ? tekortkomingen : ["Een tijdsplanning per kwartaal ontbreekt."],
            gesprekOp = "2024-11-20",
            opmerkingen = (string?)null,
            geadresseerde = "heer Test",
        }, Ct);
        return await response.AssertJsonAsync();
    }

    /// <summary>Publishes a draft (as IenW), asserting 200.</summary>
    protected async Task<JsonElement> PubliceerAsync(string id)
    {
        using var client = await Ienw();
        using var response = await client.PostAsync($"{Base}/beoordelingen/{id}/publicatie", null, Ct);
        return await response.AssertJsonAsync();
    }

    /// <summary>
    /// A published assessment (version 1) of <paramref name="code"/> in a new round: rows 1 (staat in PvA 1, not scored),
    /// 4 (red), 7 (red) and 15 (green), verdict nietZelfstandigRobuust with one shortcoming. Returns its id.
    /// </summary>
    protected async Task<string> GepubliceerdeBeoordelingAsync(string code = Register.Odg)
    {
        var id = await MaakConceptAsync(code);
        await ScoorAsync(id, 1, Rij(haalbaarheid: null, staatInPva: 1, duiding: "Een tijdsplanning per kwartaal ontbreekt"));
        await ScoorAsync(id, 4, Rij(haalbaarheid: 3, staatInPva: 1));
        await ScoorAsync(id, 7, Rij(haalbaarheid: 3));
        await ScoorAsync(id, 15, Rij(haalbaarheid: 1));
        await LegOordeelVastAsync(id);
        await PubliceerAsync(id);
        return id;
    }
}

/// <summary>The usual base: the service with the standard <see cref="Register"/> and the seeded criteria catalogue.</summary>
public abstract class AssessmentTest(AssessmentFixture fixture) : AssessmentTest<AssessmentFixture>(fixture);
