using System.Security.Claims;
using FluentValidation;
using Marten;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Assessment.Seeds;

/// <summary>
/// Loads <c>seeds/beoordeling</c> through the validators and command handlers of the API, acting as IenW with
/// the audit actor <c>seed</c>. Idempotent: every step whose effect is already there is skipped (a criterion that
/// exists, a plan with the same ontvangenOp and versie, a row or verdict the draft already holds, an assessment
/// already published), so a second run appends nothing.
/// </summary>
public sealed partial class BeoordelingSeedImporter(IDocumentStore store, IServiceProvider services, TimeProvider clock,
    ILogger<BeoordelingSeedImporter> logger)
{
    public const string Actor = "seed";

    // The handlers read who acts from the request's user: the seed acts as IenW, recorded as "seed".
    private static readonly ClaimsPrincipal SeedUser = new(new ClaimsIdentity(
        [new Claim("sub", Actor), new Claim("role", Roles.Ienw)], authenticationType: "seed", nameType: "sub", roleType: "role"));

    /// <summary>The catalogue, then every assessment. The ODs of the plans must be known to the register read model.</summary>
    /// <returns>The number of commands that changed the store.</returns>
    public async Task<int> ImportAsync(BeoordelingSeed seed, CancellationToken ct)
    {
        var toegepast = await ImportCatalogusAsync(seed.Criteria, ct);
        foreach (var beoordeling in seed.Beoordelingen)
        {
            toegepast += await ImportBeoordelingAsync(beoordeling, ct);
        }

        return toegepast;
    }

    /// <summary>Adds every criterion the catalogue does not have yet (version 1).</summary>
    public async Task<int> ImportCatalogusAsync(IReadOnlyList<CriteriaFeatures.NieuwCriterium> criteria, CancellationToken ct)
    {
        var toegepast = 0;
        foreach (var criterium in criteria)
        {
            await Valideer(criterium, ct);
            await using var session = store.LightweightSession();
            if ((await session.VersiesAsync(criterium.Nummer!.Value, ct)).Count > 0)
            {
                continue;
            }

            await CriteriaFeatures.VoegToeAsync(criterium, Actor, session, clock, ct);
            toegepast++;
        }

        LogCatalogus(logger, toegepast);
        return toegepast;
    }

    /// <summary>The ODs of the assessment's plan that this service's copy of the register does not know (yet).</summary>
    public async Task<IReadOnlyList<string>> OnbekendeOmgevingsdienstenAsync(BeoordelingSeed.Beoordeling beoordeling, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var codes = beoordeling.Indieners.Append(beoordeling.Omgevingsdienst).Distinct(StringComparer.Ordinal).ToList();
        var bekend = await session.LoadManyAsync<OmgevingsdienstUitRegister>(ct, codes);
        return [.. codes.Except(bekend.Select(o => o.Id), StringComparer.Ordinal)];
    }

    /// <summary>Plan of approach, draft, rows, verdict, publication: each step once. A published assessment is left alone.</summary>
    public async Task<int> ImportBeoordelingAsync(BeoordelingSeed.Beoordeling b, CancellationToken ct)
    {
        if (b.Criteria.GroupBy(c => c.Nummer).FirstOrDefault(g => g.Count() > 1) is { } dubbel)
        {
            throw new InvalidDataException($"Seed {b.Id} scores criterion {dubbel.Key} more than once.");
        }

        var dossier = await DossierAsync(b.Omgevingsdienst, ct);
        var bestaand = dossier?.In(b.Ronde);
        if (bestaand?.Status == BeoordelingStatus.Gepubliceerd)
        {
            LogAlGepubliceerd(logger, b.Id);
            return 0;
        }

        var toegepast = 0;
        var plan = dossier?.Plannen.FirstOrDefault(p => p.OntvangenOp == b.PlanVanAanpak.OntvangenOp && p.Versie == b.PlanVanAanpak.Versie.Trim());
        var planId = plan?.Id;
        if (plan is null)
        {
            var verzoek = b.PlanVerzoek();
            await Valideer(verzoek, ct);
            planId = (await Stap(ctx => RegistreerPlanVanAanpak.Handle(verzoek, ctx), ct)).Id;
            toegepast++;
        }

        if (bestaand is null)
        {
            var verzoek = new BeoordelingOpstellen.NieuweBeoordeling(b.Omgevingsdienst, b.Ronde, planId);
            await Valideer(verzoek, ct);
            await Stap(ctx => BeoordelingOpstellen.Aanmaken(verzoek, ctx), ct);
            toegepast++;
        }

        var concept = bestaand?.Concept ?? BeoordelingInhoud.Leeg;
        foreach (var rij in b.Criteria)
        {
            if (rij.StaatAlIn(concept.Criteria.FirstOrDefault(c => c.Nummer == rij.Nummer)))
            {
                continue;
            }

            var score = rij.AlsScore();
            await Valideer(score, ct);
            await Stap(ctx => BeoordelingOpstellen.Scoren(b.Id, rij.Nummer, score, ctx), ct);
            toegepast++;
        }

        var oordeel = b.OordeelVerzoek();
        if (!(concept.Oordeel == oordeel.Oordeel && concept.Tekortkomingen.SequenceEqual(oordeel.Tekortkomingen!)
              && concept.GesprekOp == oordeel.GesprekOp && concept.Opmerkingen == oordeel.Opmerkingen && concept.Geadresseerde == oordeel.Geadresseerde))
        {
            await Valideer(oordeel, ct);
            await Stap(ctx => BeoordelingOpstellen.OordeelVastleggen(b.Id, oordeel, ctx), ct);
            toegepast++;
        }

        await Stap(ctx => BeoordelingVaststellen.Publiceren(b.Id, ctx), ct);
        toegepast++;
        LogBeoordeling(logger, b.Id, toegepast);
        return toegepast;
    }

    private async Task<Beoordelingsdossier?> DossierAsync(string code, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        return await session.Events.FetchLatest<Beoordelingsdossier>(code, ct);
    }

    /// <summary>One command in its own session, through the endpoint's handler, as the seed user.</summary>
    private async Task<T> Stap<T>(Func<BeoordelingContext, Task<T>> handler, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await using var session = store.LightweightSession();
        session.LastModifiedBy = Actor;
        var http = new DefaultHttpContext { User = SeedUser, RequestServices = scope.ServiceProvider, RequestAborted = ct };
        return await handler(new BeoordelingContext(session, clock, http));
    }

    private async Task Valideer<T>(T verzoek, CancellationToken ct) =>
        await services.GetRequiredService<IValidator<T>>().ValidateAndThrowAsync(verzoek, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment seeds: criteria catalogue loaded, {Applied} criterion/criteria added")]
    private static partial void LogCatalogus(ILogger logger, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment seeds: {Id} loaded and published, {Applied} command(s) applied")]
    private static partial void LogBeoordeling(ILogger logger, string id, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment seeds: {Id} is already published; nothing to do")]
    private static partial void LogAlGepubliceerd(ILogger logger, string id);
}
