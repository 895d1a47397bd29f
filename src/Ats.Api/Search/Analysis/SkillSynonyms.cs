using System.Resources;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ats.Api.Search.Analysis;

/// <summary>
/// The skill synonym list (JS = JavaScript, 1С = 1C = «1с предприятие», k8s = Kubernetes…): the built-in
/// <c>skill-synonyms.txt</c> plus an administrator's file, which is read again when it changes.
/// <para>
/// Synonyms are applied at query time only; the index holds the words as written. Index-time expansion would make
/// every edit of the list wait for a full re-index before old candidates are found by it, and the list is meant to be
/// edited by an administrator while the service runs. The usual objection to query-time synonyms — multi-word ones
/// break the token graph — is handled by the query parser, which turns each multi-word alternative into a phrase
/// (see <see cref="SkillSynonymSet"/>). The price is a few more clauses per query, which the parser caps.
/// </para>
/// <para>
/// The file is checked on demand, at most once per <see cref="SkillSynonymsOptions.CheckInterval"/>, by size and
/// time stamp, rather than with a FileSystemWatcher: watchers miss events on network and container file systems and
/// need their own lifetime. A file that cannot be read keeps the last good list in use; lines that cannot be used
/// are skipped and listed in <see cref="SkillSynonymSet.Problems"/>.
/// </para>
/// </summary>
public sealed class SkillSynonyms
{
    private const string DefaultSource = "skill-synonyms.txt (built in)";

    private readonly SkillSynonymsOptions _options;
    private readonly Analyzer _analyzer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile SkillSynonymSet _current;
    private FileStamp? _loadedStamp;
    private long _nextCheckTicks;

    public SkillSynonyms(SkillSynonymsOptions options, Analyzer? analyzer = null, TimeProvider? time = null, ILogger<SkillSynonyms>? logger = null)
    {
        _options = options;
        _analyzer = analyzer ?? new TextAnalyzer();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _current = SkillSynonymSet.Empty;
        Reload();
    }

    /// <summary>The built-in list, embedded into the assembly from skill-synonyms.txt.</summary>
    public static string DefaultRules { get; } =
        new ResourceManager(typeof(SkillSynonyms)).GetString("DefaultRules", System.Globalization.CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException("The built-in skill synonym list is missing from the assembly.");

    /// <summary>The list to use now; reloads first if the administrator's file has changed since the last check.</summary>
    public SkillSynonymSet Current
    {
        get
        {
            if (_options.FilePath is not null && _time.GetUtcNow().UtcTicks >= Volatile.Read(ref _nextCheckTicks))
            {
                lock (_gate)
                {
                    if (_time.GetUtcNow().UtcTicks >= _nextCheckTicks)
                    {
                        ReloadIfChanged(force: false);
                    }
                }
            }
            return _current;
        }
    }

    /// <summary>Reads the files now, whether or not they look changed.</summary>
    public SkillSynonymSet Reload()
    {
        lock (_gate)
        {
            ReloadIfChanged(force: true);
            return _current;
        }
    }

    private void ReloadIfChanged(bool force)
    {
        Volatile.Write(ref _nextCheckTicks, (_time.GetUtcNow() + _options.CheckInterval).UtcTicks);
        var path = _options.FilePath;
        var stamp = path is null ? null : FileStamp.Of(path);
        if (!force && stamp == _loadedStamp)
        {
            return;
        }
        var files = new List<(string Source, string Text)>();
        if (_options.IncludeDefaults)
        {
            files.Add((DefaultSource, DefaultRules));
        }
        var fileProblems = new List<string>();
        if (path is not null)
        {
            if (stamp is { Exists: true })
            {
                try
                {
                    files.Add((path, File.ReadAllText(path)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Probably caught half-way through an editor's save: keep what works and look again next time.
                    _logger.LogWarning(e, "Skill synonyms file {Path} could not be read; the previous list stays in use.", path);
                    if (_current.Version > 0)
                    {
                        return;
                    }
                    fileProblems.Add($"{path}: could not be read: {e.Message}");
                    stamp = null;
                }
            }
            else
            {
                fileProblems.Add($"{path}: the file does not exist.");
            }
        }
        var set = SkillSynonymSet.Build(files, _analyzer, _current.Version + 1);
        if (fileProblems.Count > 0)
        {
            set = set.WithProblems(fileProblems);
        }
        foreach (var problem in set.Problems)
        {
            _logger.LogWarning("Skill synonyms: {Problem}", problem);
        }
        _logger.LogInformation("Skill synonyms loaded: {Rules} rules, version {Version}.", set.RuleCount, set.Version);
        _current = set;
        _loadedStamp = stamp;
    }

    private sealed record FileStamp(bool Exists, long Length, DateTime LastWriteUtc)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(true, info.Length, info.LastWriteTimeUtc) : new FileStamp(false, 0, default);
        }
    }
}
