using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// PDF text with PdfPig. Words are grouped into blocks (Docstrum) and the blocks put in reading order, so a
/// two-column résumé reads column by column instead of interleaving lines across the gutter. A page that fails
/// is skipped and the rest are read; a document whose pages hold only images is reported as a scan.
/// The "no text extraction" permission flag is not honoured: the file was sent to the company to be read.
/// </summary>
public sealed class PdfTextExtractor : ITextExtractor
{
    public IReadOnlyCollection<FileFormat> Formats { get; } = [FileFormat.Pdf];

    public string Extract(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                MaxStackDepth = Math.Min(limits.MaxNestingDepth, 256),
            });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ExtractionException(FailureReason.Encrypted, "The PDF is protected with a password.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ExtractionException)
        {
            throw new ExtractionException(FailureReason.Corrupt, $"The PDF could not be opened ({e.GetType().Name}).", e);
        }

        using (document)
        {
            int pageCount;
            try
            {
                pageCount = document.NumberOfPages;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ExtractionException(FailureReason.Corrupt, $"The PDF's page tree is damaged ({e.GetType().Name}).", e);
            }
            var text = new StringBuilder();
            int failed = 0, imageOnly = 0, pagesRead = Math.Min(pageCount, limits.MaxPdfPages);
            Exception? firstError = null;
            for (var number = 1; number <= pagesRead && text.Length < limits.MaxTextChars; number++)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    var page = document.GetPage(number);
                    var letters = page.Letters;
                    if (letters.Count == 0)
                    {
                        if (page.NumberOfImages > 0)
                        {
                            imageOnly++;
                        }
                        continue;
                    }
                    var words = NearestNeighbourWordExtractor.Instance.GetWords(letters).ToList();
                    var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
                    foreach (var block in UnsupervisedReadingOrderDetector.Instance.Get(blocks))
                    {
                        text.Append(block.Text.Trim()).Append('\n');
                    }
                    text.Append('\n');
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    firstError ??= e;
                }
            }
            if (failed > 0 && failed == pagesRead && firstError is PdfDocumentEncryptedException)
            {
                throw new ExtractionException(FailureReason.Encrypted, "The PDF's pages are encrypted in a way that cannot be read without its password.", firstError);
            }
            if (failed > 0 && failed == pagesRead)
            {
                throw new ExtractionException(FailureReason.Corrupt, $"No page of the PDF could be read ({firstError!.GetType().Name}).", firstError);
            }
            var result = text.Length > limits.MaxTextChars ? text.ToString(0, limits.MaxTextChars) : text.ToString();
            if (string.IsNullOrWhiteSpace(result) && imageOnly > 0)
            {
                throw new ExtractionException(FailureReason.ScannedImage,
                    $"The PDF's {imageOnly} page(s) are images without a text layer (a scan).");
            }
            return result.Trim();
        }
    }
}
