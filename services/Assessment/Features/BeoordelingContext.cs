using System.Security.Claims;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Assessment.Features;

/// <summary>What every assessment endpoint needs, bound as one parameter ([AsParameters]); accessors only.</summary>
public sealed record BeoordelingContext(ApiDescriptor Api, TimeProvider Clock, HttpContext Http)
{
    /// <summary>The request's Marten session, created on first use: a read served from memory needs none.</summary>
    public IDocumentSession Session => Http.RequestServices.GetRequiredService<IDocumentSession>();

    public CancellationToken Ct => Http.RequestAborted;

    public ClaimsPrincipal User => Http.User;

    /// <summary>Who acts now: the token's subject and the clock.</summary>
    public Handeling Handeling => User.Handeling(Clock);

    /// <summary>The request's If-Match (400 when malformed, null without one).</summary>
    public ExpectedVersion? Verwacht => Http.Request.ExpectedVersion();

    /// <summary>Today in Amsterdam.</summary>
    public DateOnly Vandaag => Clock.Vandaag();
}
