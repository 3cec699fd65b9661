using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// The assessor (or IenW) opens a draft assessment of an OD for a round, optionally tied to one of the OD's plans (a joint
/// plan only once every OD it names has consented).
/// The OD must be known to the register and not robust on its zelftoets; one assessment per OD and round.
/// </summary>
public static class MaakBeoordelingAan
{
    public sealed record Verzoek(string? Omgevingsdienst, string? Ronde, Guid? PlanVanAanpak);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Omgevingsdienst).GeldigeCode();
            RuleFor(v => v.Ronde).NotEmpty().Must(BeoordelingId.IsGeldigeRonde)
                .WithMessage("'ronde' is een jaartal, eventueel met een achtervoegsel: 2024, 2025-herbeoordeling.");
        }
    }

    public sealed record Opdracht(string Omgevingsdienst, string Ronde, Guid? PlanVanAanpak, Handeling Handeling)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling) => new(v.Omgevingsdienst!, v.Ronde!, v.PlanVanAanpak, handeling);
    }

    /// <param name="od">The OD as this service's copy of the register knows it; null when the register never announced it.</param>
    public static IEnumerable<object> Beslis(Beoordelingsdossier? dossier, Opdracht o, OmgevingsdienstUitRegister? od)
    {
        if (od is null)
        {
            throw DomainRuleException.Invalid("omgevingsdienst", $"Omgevingsdienst '{o.Omgevingsdienst}' is in het register niet bekend.");
        }

        if (od.ZelftoetsRobuust == true)
        {
            throw DomainRuleException.Conflict(
                $"Omgevingsdienst '{o.Omgevingsdienst}' is op de zelftoets robuust bevonden; er valt geen plan te beoordelen.");
        }

        if (dossier?.In(o.Ronde) is not null)
        {
            throw DomainRuleException.Conflict($"Er is al een beoordeling van {o.Omgevingsdienst} in ronde {o.Ronde}.");
        }

        if (o.PlanVanAanpak is { } wachtend && dossier?.InAfwachting(wachtend) is { } afwachting)
        {
            throw DomainRuleException.Conflict("planVanAanpak", $"Het gezamenlijke plan van aanpak {wachtend} wacht nog op de instemming van "
                + $"{string.Join(", ", afwachting.WachtOp)}; het hoort pas daarna bij het dossier van {o.Omgevingsdienst}.");
        }

        if (o.PlanVanAanpak is { } plan && dossier?.Plan(plan) is null)
        {
            throw DomainRuleException.Invalid("planVanAanpak", $"Plan van aanpak {plan} is niet van {o.Omgevingsdienst}.");
        }

        return [new BeoordelingAangemaakt(o.Ronde, o.PlanVanAanpak, o.Handeling.Door, o.Handeling.Op)];
    }

    public static async Task<Beoordelingsdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var od = await session.LoadAsync<OmgevingsdienstUitRegister>(o.Omgevingsdienst, ct);
        await session.DecideAsync<Beoordelingsdossier>(o.Omgevingsdienst, null, o.Handeling, d => Beslis(d, o, od), ct);
        await session.SaveChangesAsync(ct);
        return (await session.DossierAsync(o.Omgevingsdienst, ct))!;
    }

    public static async Task<Created<BeoordelingResource>> Endpoint(Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        var o = Opdracht.Van(verzoek, ctx.Handeling);
        var beoordeling = (await Handle(o, ctx.Session, ctx.Ct)).In(o.Ronde)!;
        var resource = BeoordelingResource.Van(ctx.Api.BasePath, o.Omgevingsdienst, beoordeling, null, await ctx.Session.TitelsAsync(ctx.Ct));
        ctx.Http.Response.SetETag(beoordeling.AantalGebeurtenissen);
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }
}
