using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Recipes;

/// <summary>A step kind of a recipe. Step names are matched case-insensitively.</summary>
public interface IRecipeStepHandler
{
    string Name { get; }

    /// <summary>Applies the step; throws <see cref="RecipeStepException"/> with the JSON path of a problem.</summary>
    Task ExecuteAsync(RecipeStepContext context, CancellationToken ct);
}

public sealed class RecipeStepContext
{
    public required string RecipeFile { get; init; }
    public required string RecipeDirectory { get; init; }
    public required int StepIndex { get; init; }
    public required string StepName { get; init; }
    public required JsonObject Step { get; init; }

    /// <summary>The JSON path of the step, e.g. <c>$.steps[3]</c>.</summary>
    public string Path => $"$.steps[{StepIndex}]";

    internal List<Func<Task>> CommittedActions { get; init; } = [];
    internal List<Action> RolledBackActions { get; init; } = [];

    /// <summary>Work to do once the recipe's transaction has committed (e.g. moving staged files into place).</summary>
    public void OnCommitted(Func<Task> action) => CommittedActions.Add(action);

    /// <summary>Clean-up when the recipe is refused (e.g. deleting staged files).</summary>
    public void OnRolledBack(Action action) => RolledBackActions.Add(action);

    /// <summary>Counts what the step changed; a second run of the same recipe counts nothing.</summary>
    public int Changes { get; set; }
}

/// <summary>A refused recipe: the file, the step (position from 1 and name) and the JSON path.</summary>
public sealed class RecipeException(string file, int? stepNumber, string? stepName, string jsonPath, string reason)
    : Exception(Format(file, stepNumber, stepName, jsonPath, reason))
{
    public string File { get; } = file;
    public int? StepNumber { get; } = stepNumber;
    public string? StepName { get; } = stepName;
    public string JsonPath { get; } = jsonPath;
    public string Reason { get; } = reason;

    private static string Format(string file, int? stepNumber, string? stepName, string jsonPath, string reason)
        => stepNumber is null
            ? $"Recipe '{file}' at {jsonPath}: {reason}"
            : $"Recipe '{file}', step {stepNumber} ('{stepName}') at {jsonPath}: {reason}";
}

public sealed record RecipeResult(string Name, int Changes);

public interface IRecipeExecutor
{
    /// <summary>Applies a recipe file in one transaction; nothing is applied when it fails.</summary>
    Task<RecipeResult> ExecuteFileAsync(string path, CancellationToken ct = default);

    Task<RecipeResult> ExecuteAsync(string json, string fileName, string directory, CancellationToken ct = default);

    /// <summary>Whether a recipe of this name (or file name) has been applied before.</summary>
    Task<bool> HasBeenAppliedAsync(string recipeName, CancellationToken ct = default);
}

internal sealed class RecipeExecutor(DbContext db, IEnumerable<IRecipeStepHandler> handlers, TimeProvider clock,
    ILogger<RecipeExecutor> logger) : IRecipeExecutor
{
    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public async Task<RecipeResult> ExecuteFileAsync(string path, CancellationToken ct = default)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new RecipeException(Path.GetFileName(path), null, null, "$", "The recipe file does not exist.");
        }

        var json = await File.ReadAllTextAsync(fullPath, Encoding.UTF8, ct);
        return await ExecuteAsync(json, Path.GetFileName(fullPath), Path.GetDirectoryName(fullPath)!, ct);
    }

    public async Task<bool> HasBeenAppliedAsync(string recipeName, CancellationToken ct = default)
        => await db.Set<RecipeExecutionRecord>().AnyAsync(r => r.RecipeName == recipeName || r.FileName == recipeName, ct);

    public async Task<RecipeResult> ExecuteAsync(string json, string fileName, string directory, CancellationToken ct = default)
    {
        var root = Parse(json, fileName);
        var recipeName = (root["name"] as JsonValue)?.TryGetValue<string>(out var n) == true ? n : Path.GetFileNameWithoutExtension(fileName);
        if (root["steps"] is not JsonArray steps)
        {
            throw new RecipeException(fileName, null, null, "$.steps", "A recipe needs a 'steps' array.");
        }

        var byName = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
        var contexts = new List<(IRecipeStepHandler Handler, RecipeStepContext Context)>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JsonObject step)
            {
                throw new RecipeException(fileName, i + 1, null, $"$.steps[{i}]", "Each step must be an object.");
            }

            if (step["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var stepName) || string.IsNullOrWhiteSpace(stepName))
            {
                throw new RecipeException(fileName, i + 1, null, $"$.steps[{i}].name", "Each step needs a 'name'.");
            }

            if (!byName.TryGetValue(stepName, out var handler))
            {
                throw new RecipeException(fileName, i + 1, stepName, $"$.steps[{i}].name",
                    $"Unknown step '{stepName}'. Known steps: {string.Join(", ", byName.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");
            }

            contexts.Add((handler, new RecipeStepContext
            {
                RecipeFile = fileName,
                RecipeDirectory = directory,
                StepIndex = i,
                StepName = stepName,
                Step = step,
            }));
        }

        var committed = new List<Func<Task>>();
        var rolledBack = new List<Action>();
        var changes = 0;
        RecipeStepContext? current = null;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                foreach (var (handler, context) in contexts)
                {
                    current = context;
                    await handler.ExecuteAsync(context, ct);
                    committed.AddRange(context.CommittedActions);
                    rolledBack.AddRange(context.RolledBackActions);
                    changes += context.Changes;
                }

                db.Add(new RecipeExecutionRecord
                {
                    RecipeName = recipeName.Length > 256 ? recipeName[..256] : recipeName,
                    FileName = fileName.Length > 256 ? fileName[..256] : fileName,
                    Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
                    AppliedUtc = clock.GetUtcNow().UtcDateTime,
                    Changes = changes,
                });
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (Exception ex) when (current is not null && ex is not OperationCanceledException)
        {
            // The transaction is rolled back; undo what the steps did outside the database.
            RolledBack(current, rolledBack);
            throw Wrap(fileName, current, ex);
        }
        catch
        {
            RolledBack(current, rolledBack);
            throw;
        }

        foreach (var action in committed)
        {
            await action();
        }

        logger.LogInformation("Recipe {Recipe} ({File}) applied with {Changes} changes", recipeName, fileName, changes);
        return new RecipeResult(recipeName, changes);
    }

    private static void RolledBack(RecipeStepContext? current, List<Action> rolledBack)
    {
        foreach (var action in rolledBack.Concat(current?.RolledBackActions ?? []))
        {
            action();
        }
    }

    private static RecipeException Wrap(string file, RecipeStepContext step, Exception ex) => ex switch
    {
        RecipeException re => re,
        RecipeStepException se => new RecipeException(file, step.StepIndex + 1, step.StepName, se.JsonPath, se.Reason),
        ContentFormatException fe => new RecipeException(file, step.StepIndex + 1, step.StepName, fe.JsonPath, fe.Reason),
        _ => new RecipeException(file, step.StepIndex + 1, step.StepName, step.Path, ex.GetBaseException().Message),
    };

    private static JsonObject Parse(string json, string fileName)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RecipeException(fileName, null, null, "$", "A recipe must be a JSON object.");
            }

            return JsonObject.Create(document.RootElement.Clone())!;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            throw new RecipeException(fileName, null, null, string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path,
                $"The file is not valid JSON{where}: {ex.Message.Split(" Path:")[0]}");
        }
    }
}

/// <summary>Which recipes have been applied, when, and what they changed.</summary>
public sealed class RecipeExecutionRecord
{
    public long Id { get; set; }
    public string RecipeName { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTime AppliedUtc { get; set; }
    public int Changes { get; set; }
}

internal sealed class RecipeExecutionRecordConfiguration : IEntityTypeConfiguration<RecipeExecutionRecord>
{
    public void Configure(EntityTypeBuilder<RecipeExecutionRecord> b)
    {
        b.ToTable("RecipeExecutions");
        b.Property(r => r.RecipeName).HasMaxLength(256);
        b.Property(r => r.FileName).HasMaxLength(256);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.HasIndex(r => r.RecipeName);
    }
}
