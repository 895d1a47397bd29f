using Ats.Api.Http;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ats.Api.Data;

/// <summary>Stores enums as the same snake_case words the API uses.</summary>
public static class EnumText
{
    public static ValueConverter<T, string> Converter<T>() where T : struct, Enum =>
        new(v => JsonEnum.ToText(v), s => Parse<T>(s));

    private static T Parse<T>(string s) where T : struct, Enum =>
        JsonEnum.TryParse<T>(s, out var v) ? v : throw new InvalidOperationException($"Unknown {typeof(T).Name} value in the database.");
}
