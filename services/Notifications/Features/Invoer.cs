using FluentValidation;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Features;

/// <summary>How the service authenticates to the subscriber: <c>geen</c>, <c>statisch</c> (an Authorization value) or <c>oauth2</c> (client credentials).</summary>
public sealed record AuthenticatieVerzoek(string? Soort, string? Authorization, string? TokenUrl, string? ClientId, string? ClientSecret, string? Scope);

/// <summary>The field rules shared by creating and changing a subscription.</summary>
public static class Invoer
{
    public static readonly string[] Soorten = ["geen", "statisch", "oauth2"];

    public static IRuleBuilderOptions<T, string?> Url<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(2000).PlainText(2000)
            .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            .WithMessage("'{PropertyName}' moet een absolute https-URL zijn.");

    public sealed class AuthenticatieValidator : AbstractValidator<AuthenticatieVerzoek>
    {
        public AuthenticatieValidator()
        {
            RuleFor(a => a.Soort).NotEmpty().Must(s => Soorten.Contains(s)).WithMessage($"'soort' is een van: {string.Join(", ", Soorten)}.");
            RuleFor(a => a.Authorization).NotEmpty().MaximumLength(4000).Must(Koptekst).When(a => a.Soort == "statisch")
                .WithMessage("'authorization' is verplicht bij soort statisch: een HTTP-headerwaarde zonder regeleinden.");
            RuleFor(a => a.Authorization).Null().When(a => a.Soort != "statisch").WithMessage("'authorization' hoort alleen bij soort statisch.");
            RuleFor(a => a.TokenUrl).NotEmpty().Url().When(a => a.Soort == "oauth2");
            RuleFor(a => a.ClientId).NotEmpty().PlainText(200).When(a => a.Soort == "oauth2");
            RuleFor(a => a.ClientSecret).NotEmpty().PlainText(1000).When(a => a.Soort == "oauth2");
            RuleFor(a => a.Scope).PlainText(500);
            RuleFor(a => a).Must(a => a.Soort == "oauth2" || (a.TokenUrl, a.ClientId, a.ClientSecret, a.Scope) == (null, null, null, null))
                .WithName("authenticatie").WithMessage("'tokenUrl', 'clientId', 'clientSecret' en 'scope' horen alleen bij soort oauth2.");
        }

        private static bool Koptekst(string? waarde) => waarde is null || waarde.All(c => c >= ' ' && c != '\u007f');
    }

    /// <summary>A filter tree: one condition per node, at most <see cref="Filter.MaxDiepte"/> deep and <see cref="Filter.MaxKnopen"/> nodes.</summary>
    public static void ValideerFilter<T>(Filter? filter, ValidationContext<T> context, string pad = "filters")
    {
        if (filter is null)
        {
            return;
        }

        if (pad == "filters" && (filter.Diepte > Filter.MaxDiepte || filter.Knopen > Filter.MaxKnopen))
        {
            context.AddFailure(pad, $"Een filter is hoogstens {Filter.MaxDiepte} niveaus diep en heeft hoogstens {Filter.MaxKnopen} voorwaarden.");
            return;
        }

        if (filter.AantalVoorwaarden != 1)
        {
            context.AddFailure(pad, "Elk filter heeft precies één van: subject, source, omgevingsdienst, alle, eenVan, niet.");
        }

        foreach (var (naam, waarde) in new[] { ("subject", filter.Subject), ("source", filter.Source), ("omgevingsdienst", filter.Omgevingsdienst) })
        {
            if (waarde is not null && (waarde.Length is 0 or > 200 || waarde.Any(char.IsControl)))
            {
                context.AddFailure($"{pad}.{naam}", $"'{naam}' is een niet-lege tekst van hoogstens 200 tekens zonder controletekens.");
            }
        }

        foreach (var (naam, lijst) in new[] { ("alle", filter.Alle), ("eenVan", filter.EenVan) })
        {
            if (lijst is { Count: 0 })
            {
                context.AddFailure($"{pad}.{naam}", $"'{naam}' noemt ten minste één filter.");
            }

            for (var i = 0; i < (lijst?.Count ?? 0); i++)
            {
                if (lijst![i] is null)
                {
                    context.AddFailure($"{pad}.{naam}[{i}]", "Een filter is geen null.");
                }
                else
                {
                    ValideerFilter(lijst[i], context, $"{pad}.{naam}[{i}]");
                }
            }
        }

        ValideerFilter(filter.Niet, context, $"{pad}.niet");
    }

    /// <summary>The subscription's settings from the request's authentication part (null: none).</summary>
    public static (Authenticatiesoort Soort, OAuth2Client? OAuth2) Authenticatie(AuthenticatieVerzoek? a) => a?.Soort switch
    {
        "statisch" => (Authenticatiesoort.Statisch, null),
        "oauth2" => (Authenticatiesoort.Oauth2, new OAuth2Client(a.TokenUrl!, a.ClientId!, a.Scope)),
        _ => (Authenticatiesoort.Geen, null),
    };
}
