// Build tool: writes the man page and the bash and zsh completions from the real command-line
// definitions (define_commands in src/cli/app.cpp), so that none of them can drift from pindex.
//   pindex_generate_cli_docs man|bash|zsh OUTPUT
#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../cli/app.hpp"
#include "pindex/text.hpp"
#include "pindex/version.hpp"

namespace {

// One option or positional argument, as the documents need it.
struct OptionDoc {
    std::vector<std::string> names;    // "-o", "--output"; empty for a positional
    std::string value;                 // "OUT", "FORMAT"; empty for a flag
    std::vector<std::string> choices;  // from an IsMember check: {text,json}
    std::string description;
    std::string env;                   // environment variable that sets it
    bool positional = false;
    bool repeatable = false;           // takes several values: "FILE..."
    bool is_help() const { return std::find(names.begin(), names.end(), "--help") != names.end(); }
};

struct CommandDoc {
    std::string path;  // "score", "rubric export"
    std::string name;  // "export"
    std::string description;
    std::string footer;
    std::vector<OptionDoc> options;
    std::vector<CommandDoc> subcommands;
};

// The ids inside "{...}" of a type name such as "FORMAT:{text,json}" (an IsMember check).
std::vector<std::string> choices_in(const std::string& type) {
    std::size_t open = type.find(":{");
    if (open == std::string::npos) return {};
    std::string list = type.substr(open + 2, type.find('}', open) - open - 2);
    std::replace(list.begin(), list.end(), ',', ' ');
    return pindex::split_words(list);
}

// "FORMAT:{text,json}" -> value FORMAT, choices text and json; "N:UINT in [1 - 256]" -> N.
OptionDoc option_doc(const CLI::Option& option) {
    OptionDoc doc;
    for (const auto& name : option.get_snames()) doc.names.push_back("-" + name);
    for (const auto& name : option.get_lnames()) doc.names.push_back("--" + name);
    doc.positional = option.get_positional() && !option.nonpositional();
    std::string type = option.get_type_name();
    // The type name without its checks; a positional without one is shown by its name.
    doc.value = type.empty() && doc.positional ? option.get_name(true) : type.substr(0, type.find(':'));
    if (option.get_type_size() == 0) doc.value.clear();  // a flag
    doc.choices = choices_in(type);
    doc.description = option.get_description();
    doc.env = option.get_envname();
    doc.repeatable = option.get_items_expected_max() > 1;
    return doc;
}

// path: "" for pindex itself, else the words after "pindex" ("rubric export").
CommandDoc command_doc(const CLI::App& app, const std::string& path) {
    CommandDoc doc;
    doc.name = app.get_name();
    doc.path = path;
    doc.description = app.get_description();
    doc.footer = app.get_footer();
    for (const CLI::Option* option : app.get_options()) doc.options.push_back(option_doc(*option));
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        doc.subcommands.push_back(command_doc(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name()));
    return doc;
}

bool takes_file(const OptionDoc& option) {
    for (const char* kind : {"FILE", "OUT", "SET", "DIR"})
        if (option.value.find(kind) != std::string::npos) return true;
    return false;
}

std::string join_names(const std::vector<std::string>& names, std::string_view separator = " ") {
    return pindex::join(names, separator);
}

// ---- man page -----------------------------------------------------------------------------

// Text for roff: backslashes and hyphens escaped, no line starting with a control character.
std::string roff(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
    }
    std::string result;
    for (const auto& line : pindex::split_lines(out)) {
        if (!line.empty() && (line.front() == '.' || line.front() == '\'')) result += "\\&";
        result += line + "\n";
    }
    if (result.empty()) result = "\n";
    return result;
}

std::string synopsis(const CommandDoc& command) {
    std::string text = "pindex " + command.path;
    for (const auto& option : command.options)
        if (option.positional)
            text += " " + option.value + (option.repeatable && !option.value.ends_with("...") ? "..." : "");
    if (!command.subcommands.empty()) text += " COMMAND";
    return text + " [OPTIONS]";
}

void man_options(std::string& out, const CommandDoc& command) {
    for (const auto& option : command.options) {
        if (option.positional || (option.is_help() && !command.path.empty())) continue;  // -h once, at the top
        out += ".TP\n" + roff(join_names(option.names, ", ") + (option.value.empty() ? "" : " " + option.value));
        std::string text = option.description;
        if (!option.choices.empty()) text += " (one of: " + pindex::join(option.choices) + ")";
        if (!option.env.empty()) text += "; also set by " + option.env;
        out += roff(text);
    }
}

void man_command(std::string& out, const CommandDoc& command) {
    if (command.subcommands.empty()) {
        out += ".SS \"" + synopsis(command) + "\"\n" + roff(command.description);
        man_options(out, command);
        if (!command.footer.empty()) out += ".PP\n.nf\n" + roff(command.footer) + ".fi\n";
    }
    for (const auto& sub : command.subcommands) man_command(out, sub);
}

std::string man_page(const CommandDoc& app) {
    std::string out = fmt::format(".TH PINDEX 1 \"\" \"pindex {}\" \"User Commands\"\n", pindex::kVersion);
    out += ".\\\" Generated from pindex's command line by pindex_generate_cli_docs. Do not edit.\n";
    out += ".SH NAME\npindex \\- the Personalization Index self-assessment (survey, scoring, reports)\n";
    out += ".SH SYNOPSIS\n.B pindex\n.I COMMAND\n[\\fIOPTIONS\\fR]\n.br\n.B pindex\n\\-\\-version\n";
    out += ".SH DESCRIPTION\n" + roff("pindex scores a company from 0 to 100 on the Personalization Index (Abraham and "
                                     "Edelman, BCG, Harvard Business Review, November-December 2024): an "
                                     "interactive survey, scoring of answers files with thresholds for CI, and "
                                     "reports as text, JSON, Markdown slides, HTML, SVG and CSV.");
    out += ".SH OPTIONS\n";
    man_options(out, app);
    out += ".SH COMMANDS\n";
    for (const auto& command : app.subcommands) man_command(out, command);
    out += ".SH ENVIRONMENT\n";
    // One entry per variable, naming every command whose option it sets, in command order.
    std::vector<std::pair<std::string, std::pair<std::string, std::vector<std::string>>>> variables;
    auto collect = [&](const CommandDoc& command, auto& self) -> void {
        for (const auto& option : command.options) {
            if (option.env.empty()) continue;
            auto found = std::find_if(variables.begin(), variables.end(), [&](const auto& v) { return v.first == option.env; });
            if (found == variables.end()) found = variables.insert(variables.end(), {option.env, {option.names.back(), {}}});
            found->second.second.push_back(command.path.empty() ? "pindex" : command.path);
        }
        for (const auto& sub : command.subcommands) self(sub, self);
    };
    collect(app, collect);
    for (const auto& [variable, setting] : variables)
        out += ".TP\n.B " + variable + "\n" +
               roff(fmt::format("Sets {} ({}) when it is not given on the command line.", setting.first,
                                pindex::join(setting.second)));
    out += ".TP\n.B NO_COLOR\n" + roff("When set and not empty, and --color is auto (the default), nothing is coloured (https://no-color.org).");
    out += ".SH EXIT STATUS\n" + roff("0 success; 1 a threshold was not met (score, compare --fail-if-drop); 2 invalid "
                                     "input or usage, with one line per error naming the file and, where there is "
                                     "one, its line and column; 3 survey saved but not finished; 130 survey saved "
                                     "after Ctrl-C.");
    out += ".SH FILES\n.TP\n.I share/pindex/rubrics/personalization-index.yaml\n" +
           roff("The built-in rubric (compiled into pindex), as a starting point for a rubric of your own "
                "(--rubric FILE).");
    out += ".SH SEE ALSO\n" + roff("The documentation in share/doc/pindex, and pindex COMMAND --help.");
    return out;
}

// ---- bash ---------------------------------------------------------------------------------

std::string bash_words(const CommandDoc& command) {
    std::vector<std::string> words;
    for (const auto& sub : command.subcommands) words.push_back(sub.name);
    for (const auto& option : command.options)
        for (const auto& name : option.names) words.push_back(name);
    return pindex::join(words, " ");
}

void bash_case(std::string& out, const CommandDoc& command) {
    out += fmt::format("        \"{}\")\n", command.path);
    std::string values;
    for (const auto& option : command.options) {
        if (option.positional || option.value.empty()) continue;
        std::string reply = !option.choices.empty()
                                ? fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", pindex::join(option.choices, " "))
                            : takes_file(option) ? "COMPREPLY=($(compgen -f -- \"$cur\"))"
                                                 : "COMPREPLY=()";
        values += fmt::format("                {}) {}; return ;;\n", join_names(option.names, "|"), reply);
    }
    if (!values.empty()) out += "            case \"$prev\" in\n" + values + "            esac\n";
    bool files = false;
    for (const auto& option : command.options) files = files || (option.positional && takes_file(option));
    std::string words = bash_words(command);
    if (files)
        out += fmt::format("            if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"));\n"
                           "            else COMPREPLY=($(compgen -f -- \"$cur\")); fi\n",
                           words);
    else
        out += fmt::format("            COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n", words);
    out += "            ;;\n";
    for (const auto& sub : command.subcommands) bash_case(out, sub);
}

void bash_paths(std::string& out, const CommandDoc& command) {
    for (const auto& sub : command.subcommands) {
        out += fmt::format("            \"{}:{}\") path=\"{}\" ;;\n", command.path, sub.name, sub.path);
        bash_paths(out, sub);
    }
}

std::string bash_completion(const CommandDoc& app) {
    std::string out = "# bash completion for pindex. Generated from its command line by pindex_generate_cli_docs; "
                      "do not edit.\n_pindex() {\n"
                      "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" path=\"\" i\n"
                      "    # The command path so far: \"score\", \"rubric export\".\n"
                      "    for ((i = 1; i < COMP_CWORD; i++)); do\n        case \"$path:${COMP_WORDS[i]}\" in\n";
    bash_paths(out, app);
    out += "        esac\n    done\n    case \"$path\" in\n";
    bash_case(out, app);
    out += "    esac\n}\ncomplete -o filenames -F _pindex pindex\n";
    return out;
}

// ---- zsh ----------------------------------------------------------------------------------

// Text inside a zsh single-quoted _arguments spec: quotes, brackets and colons escaped.
std::string zsh_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else if (c == '[' || c == ']' || c == ':') out += std::string("\\") + c;
        else out += c;
    }
    return out;
}

std::string zsh_spec(const OptionDoc& option) {
    std::string action = !option.choices.empty() ? "(" + pindex::join(option.choices, " ") + ")"
                         : takes_file(option)     ? "_files"
                                                  : " ";
    std::string value = option.value.empty() ? "" : ":" + zsh_text(option.value) + ":" + action;
    if (option.positional) return fmt::format("'*:{}:_files'", zsh_text(option.value));
    std::string description = "[" + zsh_text(option.description) + "]";
    if (option.names.size() == 1) return "'" + option.names.front() + description + value + "'";
    return fmt::format("'({0})'{{{1}}}'{2}{3}'", join_names(option.names, " "), join_names(option.names, ","),
                       description, value);
}

void zsh_function(std::string& out, const CommandDoc& command, const std::string& function) {
    std::vector<std::string> specs;
    for (const auto& option : command.options) specs.push_back(zsh_spec(option));
    if (command.subcommands.empty()) {
        out += fmt::format("{}() {{\n    _arguments -s \\\n        {}\n}}\n\n", function, pindex::join(specs, " \\\n        "));
        return;
    }
    std::string described;
    for (const auto& sub : command.subcommands)
        described += fmt::format("        '{}:{}'\n", sub.name, zsh_text(sub.description));
    std::string dispatch;
    for (const auto& sub : command.subcommands)
        dispatch += fmt::format("                {}) {}_{} ;;\n", sub.name, function, [&] {
            std::string name = sub.name;
            for (char& c : name) c = c == '-' ? '_' : c;
            return name;
        }());
    out += fmt::format("{}() {{\n    local -a commands=(\n{}    )\n    local curcontext=\"$curcontext\" state line\n"
                       "    _arguments -C \\\n        {} \\\n        '1: :->command' '*:: :->arguments'\n"
                       "    case $state in\n        command) _describe 'command' commands ;;\n"
                       "        arguments)\n            case $words[1] in\n{}            esac ;;\n    esac\n}}\n\n",
                       function, described, pindex::join(specs, " \\\n        "), dispatch);
    for (const auto& sub : command.subcommands) {
        std::string name = sub.name;
        for (char& c : name) c = c == '-' ? '_' : c;
        zsh_function(out, sub, function + "_" + name);
    }
}

std::string zsh_completion(const CommandDoc& app) {
    std::string out = "#compdef pindex\n# zsh completion for pindex. Generated from its command line by "
                      "pindex_generate_cli_docs; do not edit.\n\n";
    zsh_function(out, app, "_pindex");
    out += "_pindex \"$@\"\n";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: pindex_generate_cli_docs man|bash|zsh OUTPUT\n";
        return 2;
    }
    CLI::App app;
    pindex::cli::define_commands(app);
    CommandDoc doc = command_doc(app, "");
    std::string kind = argv[1];
    std::string text = kind == "man" ? man_page(doc) : kind == "bash" ? bash_completion(doc) : kind == "zsh" ? zsh_completion(doc) : "";
    if (text.empty()) {
        std::cerr << "pindex_generate_cli_docs: unknown kind '" << kind << "'\n";
        return 2;
    }
    std::ofstream(argv[2], std::ios::binary) << text;
    return 0;
}
