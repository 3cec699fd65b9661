using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Notifications.Abonnementen;
using RobuustOD.Notifications.Afleveringen;

namespace RobuustOD.Notifications.Features;

/// <summary>
/// A test delivery on demand, of one type the subscription receives (default the test type): signed and authenticated
/// like a real one, marked <c>testgebeurtenis: true</c>, with test data; not stored, not retried. The answer says what the
/// subscriber answered.
/// </summary>
public static class StuurTestgebeurtenis
{
    public sealed record Verzoek(string? Type);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Type).PlainText(200);
    }

    public sealed record TestResource(bool Geslaagd, string Type, int? Status, long DuurMs, string? Antwoord, string? Fout);

    /// <summary>The type must be one the subscription receives (or the test type).</summary>
    public static string Beslis(Abonnement abonnement, string? type)
    {
        var gekozen = type ?? Bericht.TestType;
        var ontvangen = abonnement.Instellingen.Types.SelectMany(t => Leesrechten.TypesVoor(abonnement.Rol, t));
        return gekozen == Bericht.TestType || ontvangen.Contains(gekozen, StringComparer.Ordinal)
            ? gekozen
            : throw DomainRuleException.Invalid("type", $"Dit abonnement ontvangt geen '{gekozen}'.");
    }

    public static async Task<Ok<TestResource>> Endpoint(string id, Verzoek? verzoek, [FromServices] Handdruk handdruk, [AsParameters] NotificatiesContext ctx)
    {
        var abonnement = await AbonnementId.ZichtbaarAsync(ctx.Session, ctx.Gebruiker, id, ctx.Ct);
        var type = Beslis(abonnement, verzoek?.Type);
        var geheim = await ctx.Session.LoadAsync<Abonnementsgeheim>(abonnement.AbonnementId, ctx.Ct)
            ?? throw DomainRuleException.NotFound($"Abonnement '{id}' bestaat niet.");
        var (uitkomst, poging) = await handdruk.StuurTestAsync(abonnement.AbonnementId, abonnement.Instellingen, geheim, type, ctx.Ct);
        return TypedResults.Ok(new TestResource(uitkomst.Geslaagd, type, poging.Status, poging.DuurMs, poging.Antwoord, poging.Fout));
    }
}
