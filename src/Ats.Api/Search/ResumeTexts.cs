using System.Text;
using Ats.Api.Data;
using Ats.Api.Resumes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Search;

/// <summary>
/// A candidate's searchable résumé text: the extracted text of every current file, oldest upload first, each followed
/// by a blank line. The indexer and the snippet cutter read it the same way, so character offsets stored in the index
/// point into the text PostgreSQL gives back; a fingerprint of it, kept in the index, tells when they no longer do.
/// The index stores no copy of the text itself.
/// </summary>
public static class ResumeTexts
{
    public static async Task<Dictionary<Guid, string>> LoadAsync(AtsDbContext db, IReadOnlyCollection<Guid> candidateIds, CancellationToken ct)
    {
        var rows = await db.Attachments.AsNoTracking()
            .Where(a => candidateIds.Contains(a.CandidateId) && a.SupersededAt == null && a.ExtractionStatus == ExtractionStatus.Extracted)
            .Join(db.AttachmentTexts, a => a.Id, t => t.AttachmentId, (a, t) => new { a.CandidateId, a.UploadedAt, a.Id, t.Text })
            .OrderBy(x => x.CandidateId).ThenBy(x => x.UploadedAt).ThenBy(x => x.Id)
            .ToListAsync(ct);
        var result = new Dictionary<Guid, string>();
        foreach (var group in rows.GroupBy(r => r.CandidateId))
        {
            result[group.Key] = Join(group.Select(r => r.Text));
        }
        return result;
    }

    public static string Join(IEnumerable<string> texts)
    {
        var joined = new StringBuilder();
        foreach (var text in texts)
        {
            joined.Append(text).Append("\n\n");
        }
        return joined.ToString();
    }

    /// <summary>FNV-1a over the UTF-16 code units and the length: stable across processes and versions (unlike string.GetHashCode).</summary>
    public static long Fingerprint(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return (long)(hash ^ (ulong)text.Length);
    }
}
