using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WijPlatform.Intake.Extensions;

/// <summary>Example bodies in the OpenAPI document, so that a caller sees a realistic request for each step.</summary>
internal sealed class OpenApiExamples : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(RegisterResident)] = """
            {"firstName":"Anna","lastName":"Jansen","dateOfBirth":"1941-05-17","postcode":"9712 HW","houseNumber":"12a","street":"Oude Ebbingestraat",
             "city":"Groningen","phone":"050 123 4567","preferredContact":"phone"}
            """,
        [typeof(RegisterHelpRequest)] = """
            {"channel":"on-behalf","domains":["eenzaamheid","zorg"],"description":"Dochter belt: moeder komt de deur niet meer uit.","residentId":"0a4b5c6d-0000-4000-8000-000000000001",
             "onBehalfOf":"dochter (mantelzorger)","urgency":"normal"}
            """,
        [typeof(CountQuestion)] = """{"channel":"desk","domains":["wonen"],"postcode":"3706 AB"}""",
        [typeof(TriageCase)] = """{"domains":["eenzaamheid"],"urgency":"high"}""",
        [typeof(AssignCase)] = """{"regisseurId":"0a4b5c6d-0000-4000-8000-000000000002"}""",
        [typeof(CloseCase)] = """{"outcome":"own-network","note":"De buurvrouw wandelt twee keer per week mee."}""",
        [typeof(ReopenCase)] = """{"reason":"De buurvrouw is verhuisd."}""",
        [typeof(RecordContact)] = """{"way":"home-visit","summary":"Op bezoek geweest; het gaat redelijk."}""",
        [typeof(Refer)] = """{"kind":"volunteer","talent":"walk","wantedAt":"2031-05-01T10:00:00+02:00"}""",
        [typeof(GiveConsent)] = """{"purpose":"share-with-partner","recipient":"Schuldhulpverlening Groningen"}""",
        [typeof(SubmitSignal)] = """{"partner":"Schoonmaakbedrijf Het Sopje","postcode":"3707 AB","houseNumber":"14","concern":"Mevrouw lijkt erg eenzaam."}""",
        [typeof(AddNetworkMember)] = """{"name":"Marieke","relation":"buurvrouw","canHelpWith":"boodschappen op zaterdag"}""",
        [typeof(AddProfessional)] = """{"name":"Els","organisation":"Thuiszorg Noord","role":"wijkverpleegkundige"}""",
        [typeof(AddAction)] = """{"goalId":"0a4b5c6d-0000-4000-8000-000000000003","description":"Aanmelden voor de spelletjesmiddag","owner":"regisseur-sanne","dueDate":"2031-03-01"}""",
        [typeof(RegisterProfessional)] = """{"name":"Sanne de Vries","organisation":"WIJ-team Centrum","role":"generalist"}""",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonNode.Parse(example)!];
        }
        return Task.CompletedTask;
    }
}
