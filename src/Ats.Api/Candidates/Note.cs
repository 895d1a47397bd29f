using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Candidates;

public enum NoteKind
{
    Call,
    Meeting,
    Email,
    Message,
    Comment,
}

/// <summary>One entry of the interaction history. Notes are not edited: history is appended to.</summary>
public sealed class Note : Search.ICandidateOwned
{
    public const int TextMax = 20_000;

    public Guid Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public NoteKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public string Author { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private Note() { }

    public Note(Guid candidateId, NoteKind kind, string text, string author, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CandidateId = candidateId;
        Kind = kind;
        Text = text;
        Author = author;
        CreatedAt = at;
    }
}

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> b)
    {
        b.ToTable("notes");
        b.HasKey(n => n.Id);
        b.Property(n => n.Kind).HasConversion(EnumText.Converter<NoteKind>()).HasMaxLength(16);
        b.Property(n => n.Text).HasMaxLength(Note.TextMax).IsRequired();
        b.Property(n => n.Author).HasMaxLength(200).IsRequired();
        b.HasIndex(n => new { n.CandidateId, n.CreatedAt });
    }
}
