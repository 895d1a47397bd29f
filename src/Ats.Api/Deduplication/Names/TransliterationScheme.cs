namespace Ats.Api.Deduplication.Names;

/// <summary>
/// Cyrillic → Latin schemes that <see cref="Transliteration.ToLatin"/> writes. Each is implemented from the
/// scheme's published letter table and context rules (see <see cref="TransliterationRules"/>); the spellings a
/// candidate brings from documents and job sites come from exactly these.
/// </summary>
public enum TransliterationScheme
{
    /// <summary>ICAO Doc 9303 (Part 3, transliteration of Cyrillic): Russian international passports since 2013.
    /// Юлия Щеглова → Iuliia Shcheglova; ъ → ie, ь dropped, й → i, ц → ts.</summary>
    Icao9303,

    /// <summary>Order of the Ministry of Internal Affairs No. 310 (1997), passports 1997–2010: й → y, ю → yu,
    /// я → ya, ь → ', ье/ъе → ye.</summary>
    Mvd310,

    /// <summary>MVD order No. 782 (2000), passports 2010–2013: as 310 plus ё → yo (ye after consonants, e after
    /// ж/ч/ш/щ), ьи → yi.</summary>
    Mvd782,

    /// <summary>BGN/PCGN 1947 (US and UK geographic names; the basis of English-language press spelling): е → ye at
    /// the start and after vowels and signs, ё → ë, ь → ’, ъ → ”, a middle dot where letters would read as a digraph.</summary>
    BgnPcgn,

    /// <summary>GOST 7.79-2000 system A (= ISO 9:1995), one letter for one letter with diacritics: ж → ž, щ → ŝ,
    /// ю → û, я → â.</summary>
    Gost779A,

    /// <summary>GOST 7.79-2000 system B, ASCII only: х → x, ц → cz (c before е, и, ы, й), щ → shh, ы → y`,
    /// ь → `, ъ → ``, э → e`.</summary>
    Gost779B,

    /// <summary>English Wikipedia's romanisation of Russian (a simplified BGN/PCGN): no signs, -ий/-ый → y.</summary>
    Wikipedia,

    /// <summary>Yandex.Maps: щ → sch, ye at the start and after vowels, -ый → iy.</summary>
    YandexMaps,

    /// <summary>Yandex.Money (bank cards): й → i, ё → e, щ → sch, no signs.</summary>
    YandexMoney,

    /// <summary>Telegram's automatic transliteration: ж → j, х → h, ц → c, щ → sc, ю → iu, я → ia.</summary>
    Telegram,

    /// <summary>What people most often type for themselves on job sites and LinkedIn (not a standard): Wikipedia-like
    /// letters, -ия → ia (Yulia, Maria), кс → x (Alexander, Maxim, Oxana).</summary>
    Informal,
}
