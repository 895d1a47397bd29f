using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Cli;
using Ats.Api.Data;
using Ats.Api.Deduplication;
using Ats.Api.Health;
using Ats.Api.Http;
using Ats.Api.Resumes;
using Ats.Api.Search;
using Ats.Api.Vacancies;

if (args is ["extract", ..])
{
    // The text reader process: no host, no configuration, no database — one file in, one answer out.
    return Ats.Api.Resumes.TextExtraction.ExtractCommand.Run(args);
}

var command = AdminCommands.Take(args, out var hostArgs);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.Services.AddSingleton(TimeProvider.System);
builder.WebHost.ConfigureKestrel((context, kestrel) =>
    kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 1_048_576);

builder.AddHttpPlumbing();
builder.AddDatabase();
builder.AddAuth();
builder.AddHealth();
builder.AddCandidates();
builder.AddResumes();
builder.AddSearch();
builder.AddDeduplication();

var app = builder.Build();

if (command is not null)
{
    return await AdminCommands.RunAsync(command, app.Services);
}

app.UseHttpPlumbing();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthEndpoints();
app.MapApiDocumentation();
app.MapApiKeyEndpoints();
app.MapCandidateEndpoints();
app.MapVacancyEndpoints();
app.MapApplicationEndpoints();
app.MapAttachmentEndpoints();
app.MapSearchEndpoints();
app.MapSavedSearchEndpoints();
app.MapDuplicateCheckEndpoints();
app.MapDeduplicationEndpoints();

await app.RunAsync();
return 0;

public partial class Program;
