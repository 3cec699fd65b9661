using System.Text.Json;
using FluentValidation;
using Marten;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults;
using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Seeds;

/// <summary>
/// Loads the register from <c>seeds/register/omgevingsdiensten.json</c> through the same validators and command
/// handlers the API uses, acting as <c>seed</c>. Idempotent: a step whose effect is already in the register is
/// skipped, so a second run appends nothing.
/// </summary>
public sealed partial class RegisterSeedImporter(IDocumentStore store, IServiceProvider services, TimeProvider clock,
    ILogger<RegisterSeedImporter> logger)
{
    public const string Actor = "seed";

    public static RegisterSeed Lees(string seedsFolder)
    {
        var path = Path.Combine(seedsFolder, "register", "omgevingsdiensten.json");
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Extensions.ConfigureJson(json);
        json.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return JsonSerializer.Deserialize<RegisterSeed>(File.ReadAllText(path), json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <returns>The number of commands that changed the register.</returns>
    public async Task<int> ImportAsync(RegisterSeed seed, CancellationToken ct)
    {
        var toegepast = 0;
        foreach (var od in seed.Omgevingsdiensten)
        {
            toegepast += await Stap(async session =>
            {
                if (await session.Events.FetchLatest<Omgevingsdienst>(od.Code, ct) is not null)
                {
                    return false;
                }

                var verzoek = od.AlsVerzoek();
                await Valideer(verzoek, ct);
                await RegistreerOmgevingsdienst.Handle(RegistreerOmgevingsdienst.Opdracht.Van(verzoek, Handeling()), session, ct);
                return true;
            }, ct);
        }

        foreach (var aanwijzing in seed.SevesoAanwijzingen)
        {
            toegepast += await Stap(async session =>
            {
                var od = await session.HaalOpAsync(aanwijzing.Omgevingsdienst, ct);
                if (od.SevesoAanwijzingen.Count > 0)
                {
                    return false;
                }

                var verzoek = new WijsSevesoAan.Verzoek(aanwijzing.Provincies, aanwijzing.Ingangsdatum);
                await Valideer(verzoek, ct);
                await WijsSevesoAan.Handle(WijsSevesoAan.Opdracht.Van(aanwijzing.Omgevingsdienst, verzoek, null, Handeling()), session, ct);
                return true;
            }, ct);
        }

        foreach (var fusie in seed.Fusies)
        {
            toegepast += await Fusie(fusie, ct);
        }

        foreach (var zelftoets in seed.Zelftoetsen)
        {
            toegepast += await Stap(async session =>
            {
                var verzoek = new LegZelftoetsVast.Verzoek(zelftoets.Robuust, zelftoets.BeoordeeldOp, zelftoets.Toelichting);
                await Valideer(verzoek, ct);
                var voor = (await session.HaalOpAsync(zelftoets.Omgevingsdienst, ct)).Version;
                // The same outcome again appends nothing (see LegZelftoetsVast.Beslis): the version tells.
                var na = await LegZelftoetsVast.Handle(LegZelftoetsVast.Opdracht.Van(zelftoets.Omgevingsdienst, verzoek, null, Handeling()),
                    session, ct);
                return na.Version != voor;
            }, ct);
        }

        LogImported(logger, toegepast);
        return toegepast;
    }

    private async Task<int> Fusie(RegisterSeed.Fusie fusie, CancellationToken ct)
    {
        var toegepast = 0;
        toegepast += await Stap(async session =>
        {
            if (await session.Events.FetchLatest<Omgevingsdienst>(fusie.Opvolger.Code!, ct) is not null
                || await session.Query<Omgevingsdienst>().AnyAsync(o => o.Fusie!.Opvolger == fusie.Opvolger.Code, ct))
            {
                return false;
            }

            var verzoek = new KondigFusieAan.Verzoek(fusie.Deelnemers, fusie.Opvolger, fusie.Ingangsdatum, fusie.AangekondigdOp);
            await Valideer(verzoek, ct);
            await KondigFusieAan.Handle(KondigFusieAan.Opdracht.Van(verzoek, Handeling()), session, ct);
            return true;
        }, ct);

        if (fusie.Voltooid)
        {
            toegepast += await Stap(async session =>
            {
                if (await session.Events.FetchLatest<Omgevingsdienst>(fusie.Opvolger.Code!, ct) is not null)
                {
                    return false;
                }

                await VoltooiFusie.Handle(new VoltooiFusie.Opdracht(fusie.Opvolger.Code!, Handeling()), session, ct);
                return true;
            }, ct);
        }

        return toegepast;
    }

    private Handeling Handeling() => new(Actor, clock.GetUtcNow());

    private async Task<int> Stap(Func<IDocumentSession, Task<bool>> stap, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        return await stap(session) ? 1 : 0;
    }

    private async Task Valideer<T>(T verzoek, CancellationToken ct) =>
        await services.GetRequiredService<IValidator<T>>().ValidateAndThrowAsync(verzoek, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Register seeds loaded: {Applied} command(s) applied")]
    private static partial void LogImported(ILogger logger, int applied);
}
