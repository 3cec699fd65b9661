using System.Text.Json.Nodes;
using RobuustOD.HttpDefaults;

namespace RobuustOD.Platform.ContractTests;

/// <summary>
/// The ADR rules catch what they are named after: a document that breaks every rule must give each one at least one
/// violation, so that a rule that silently finds nothing (a wrong JSON path, a regex that matches all) shows here.
/// </summary>
public sealed class AdrRulesSelfTests
{
    public static TheoryData<string> Regels => [.. AdrRules.All.Keys];

    private static readonly ApiDescriptor Api = new("proef", "Proef", "Een proefdocument.", "1.0.0");

    private const string Overtreder = """
        {
          "openapi": "2.0",
          "info": { "title": "Proef", "version": "1.0" },
          "servers": [ { "url": "http://example.org/api" } ],
          "tags": [ { "name": "dubbel" }, { "name": "dubbel" } ],
          "paths": {
            "/Slecht_Pad/": {
              "trace": { "operationId": "spoor", "responses": { "200": { "description": "ok" } } },
              "get": {
                "parameters": [ { "name": "Pagina_grootte", "in": "query", "schema": { "type": "string" } } ],
                "responses": {
                  "200": { "description": "ok" },
                  "404": { "description": "weg", "content": { "application/json": { "schema": { "type": "object" } } } }
                }
              }
            },
            "/items/{id}": {
              "post": {
                "operationId": "dubbel",
                "responses": {
                  "201": { "description": "gemaakt", "headers": { "API-Version": { "schema": { "type": "string" } } } },
                  "409": { "description": "botst", "content": { "application/problem+json": { "schema": { "type": "object", "properties": { "status": { "type": "integer" } } } } } }
                }
              }
            },
            "/bestand.json": {
              "get": { "operationId": "dubbel", "responses": { "200": { "description": "ok", "headers": { "API-Version": { "schema": { "type": "string" } } } } } }
            }
          },
          "components": {
            "schemas": {
              "Periode": {
                "type": "object",
                "properties": {
                  "startDatum": { "type": "string", "format": "date-time" },
                  "eindDate": { "type": "string" },
                  "tijdstip": { "type": "string", "format": "time" }
                }
              }
            }
          }
        }
        """;

    [Theory]
    [MemberData(nameof(Regels))]
    public void elke_regel_vindt_zijn_overtreding(string regel)
    {
        var overtredingen = AdrRules.All[regel](JsonNode.Parse(Overtreder)!.AsObject(), Api).ToList();
        Assert.NotEmpty(overtredingen);
    }
}
