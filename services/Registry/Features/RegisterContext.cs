using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Registry.Features;

/// <summary>What every register endpoint needs, bound as one parameter ([AsParameters]).</summary>
public sealed record RegisterContext(IDocumentSession Session, ApiDescriptor Api, TimeProvider Clock, HttpContext Http)
{
    public CancellationToken Ct => Http.RequestAborted;

    public DateOnly Vandaag => Clock.Datum();

    /// <summary>The session for a write, stamped with the caller so the history says who did it.</summary>
    public IDocumentSession Schrijven()
    {
        Session.LastModifiedBy = Http.User.Actor();
        return Session;
    }

    public OmgevingsdienstResource Resource(Omgevingsdienst od, DateOnly? peildatum = null) =>
        OmgevingsdienstResource.Van(od, peildatum ?? Vandaag, Api.BasePath);

    public Ok<OmgevingsdienstResource> Ok(Omgevingsdienst od)
    {
        Http.Response.SetETag(od.Version);
        return TypedResults.Ok(Resource(od));
    }
}
