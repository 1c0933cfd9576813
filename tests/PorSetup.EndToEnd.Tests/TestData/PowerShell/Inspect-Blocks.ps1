# Copyright (c) PorSetup contributors. MIT licensed.
# Parses each PowerShell block of the documentation with PowerShell's own parser and says what would go wrong on a
# Windows server: a parse error, a script block passed to a program ({GUID} unquoted: "Braces ({}) begin a new
# script blocks", about_Parsing), or cmd.exe's %NAME% in an argument or a string (PowerShell expands it only after
# --%, "the stop-parsing token"). Input: a JSON array of strings; output: a JSON array of arrays of findings.
param([Parameter(Mandatory)] [string] $BlocksFile)

$ErrorActionPreference = 'Stop'
$programs = '^(msiexec|reg|net|cmd|icacls|gpresult|sysprep)(\.exe)?$'
$results = foreach ($block in (Get-Content -Raw -LiteralPath $BlocksFile | ConvertFrom-Json)) {
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($block, [ref] $tokens, [ref] $errors)
    $findings = @(foreach ($e in $errors) { "parse error: $($e.Message)" })

    foreach ($command in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
        $name = $command.GetCommandName()
        if ($name -and $name -match $programs) {
            foreach ($element in ($command.CommandElements | Select-Object -Skip 1)) {
                if ($element -is [System.Management.Automation.Language.ScriptBlockExpressionAst]) {
                    $findings += "script block passed to ${name}: $($element.Extent.Text)"
                }
            }
        }
    }

    # Bare words and strings alike: PowerShell passes %NAME% on as that text, and the program gets no value.
    if (-not $block.Contains('--%')) {
        foreach ($text in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.StringConstantExpressionAst] -or $n -is [System.Management.Automation.Language.ExpandableStringExpressionAst] }, $true)) {
            if ($text.Value -match '%[A-Za-z_][A-Za-z0-9_]*%') {
                $findings += "cmd.exe variable in PowerShell: $($text.Extent.Text)"
            }
        }
    }

    , [string[]] $findings
}
ConvertTo-Json -InputObject @($results) -Depth 3 -Compress
