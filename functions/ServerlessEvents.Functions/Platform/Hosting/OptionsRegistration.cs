using System.Reflection;
using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// The one way options are registered: bound from the configuration section named by the options
/// class's <c>public const string SectionName</c>, validated with data annotations, and checked at start-up.
/// In app settings and local.settings.json a property is <c>{SectionName}__{Property}</c>.
/// </summary>
public static class OptionsRegistration
{
    /// <summary>Binds <typeparamref name="TOptions"/> from its section and validates it on start.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration)
        where TOptions : class
    {
        var section = SectionNameOf(typeof(TOptions));
        return services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    /// <summary>The configuration section an options class binds from.</summary>
    public static string SectionNameOf(Type optionsType)
    {
        var field = optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
        return field?.GetRawConstantValue() as string
            ?? throw new InvalidOperationException($"{optionsType.Name} must declare public const string SectionName.");
    }
}
