using Microsoft.AspNetCore.Http.HttpResults;

namespace RobuustOD.Monitoring.Features;

/// <summary>The submitted versions of a report: 1 is the submission, each correction adds one; who, when and why.</summary>
public static class ZoekRapportageversies
{
    public sealed record VersieOverzicht(int Versie, string? Door, DateTimeOffset Op, string? Reden);

    public sealed record Versies(string Id, IReadOnlyList<VersieOverzicht> Items);

    public static async Task<Ok<Versies>> Endpoint(string id, [AsParameters] MonitoringContext ctx)
    {
        var (_, _, rapportage) = await HaalVoortgangsrapportageOp.ZichtbaarAsync(id, ctx);
        return TypedResults.Ok(new Versies(id, [.. rapportage.Versies.Select(v => new VersieOverzicht(v.Versie, v.Door, v.Op.ToUniversalTime(), v.Reden))]));
    }
}
