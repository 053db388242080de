#Requires -Version 7.4
# Pester 5, issue 20: Get-FtPortfolio ranks the customers by adoption risk, every reason citing its data;
# -AtRisk keeps the ones to act on; the portfolio adoption report shows the same ranking.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
    $script:contoso = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
    New-FtCustomerPlan -TenantId $contoso -Customer Contoso -IntendedService Teams, OneDrive, Yammer -CsmName 'Dana Csm' -CsmEmail dana@contoso.com | Out-Null
    Set-FtCustomerPlan -TenantId $contoso -Service Teams, OneDrive, Yammer -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-02
    Add-FtBlocker -TenantId $contoso -Service Teams -Description 'Proxy blocks Teams media' -Opened (Get-Date).AddDays(-30).Date
    Measure-FtActiveUsage -TenantId $contoso -Sample -Save -Confirm:$false | Out-Null
    New-FtCustomerPlan -TenantId ([guid]::NewGuid()) -Customer 'Alpine Ski House' | Out-Null
    New-FtCustomerPlan -TenantId ([guid]::NewGuid()) -Customer Fabrikam -IntendedService Teams | Out-Null
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
    Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Get-FtPortfolio' {
    It 'ranks the customers riskiest first' {
        $ranked = Get-FtPortfolio
        $ranked.Customer | Should -Be 'Contoso', 'Fabrikam', 'Alpine Ski House'
        $ranked[0].RiskScore | Should -BeGreaterThan $ranked[1].RiskScore
        $ranked[0].RiskScore | Should -Be ($ranked[0].Reasons | Measure-Object Weight -Sum).Sum
    }

    It 'cites the data of every reason' {
        $reasons = (Get-FtPortfolio -TenantId $contoso).Reasons
        $reasons | Where-Object { -not $_.Source -or -not $_.Text } | Should -BeNullOrEmpty
        ($reasons | Where-Object Kind -eq BlockerOpenLong).Source | Should -Be 'blockers #1'
        ($reasons | Where-Object Kind -eq BlockerOpenLong).Text | Should -Match '"Proxy blocks Teams media" has been open since \d{4}-\d\d-\d\d \(30 days\)'
        ($reasons | Where-Object Kind -eq HandshakePending).Source | Should -Contain 'tasks 3731 Teams'
    }

    It 'keeps only the customers at risk with -AtRisk' {
        (Get-FtPortfolio -AtRisk).Customer | Should -Be 'Contoso'
    }

    It 'says its reasons in Spanish with -Culture es-ES' {
        (Get-FtPortfolio -TenantId $contoso -Culture es-ES).Reasons.Text | Should -Contain ((Get-FtPortfolio -TenantId $contoso -Culture es-ES).Reasons | Where-Object Kind -eq BlockerOpenLong).Text
        ((Get-FtPortfolio -TenantId $contoso -Culture es-ES).Reasons | Where-Object Kind -eq BlockerOpenLong).Text | Should -Match '^el bloqueador #1'
    }

    It 'fits 80 columns with the risk and the heaviest reason' {
        $text = Get-FtPortfolio | Out-String -Width 80
        $text -split "`n" | Where-Object Length -gt 80 | Should -BeNullOrEmpty
        $text | Should -Match 'Customer\s+RiskLevel\s+RiskScore\s+TargetsMet\s+TopReason'
        $text | Should -Match 'Contoso\s+(Medium|High)\s+\d+\s+\d of 3'
    }

    It 'exports the ranking flat' {
        $row = Get-FtPortfolio -TenantId $contoso | ConvertTo-Csv | ConvertFrom-Csv
        $row.Reasons | Should -Match 'blocker #1 "Proxy blocks Teams media"'
        $row.Services | Should -Match '^Teams \d+\.\d%/10%, Yammer \d+\.\d%/10%, OneDrive'
    }
}

Describe 'The portfolio adoption report' {
    It 'shows the same ranking, with the risk and its reasons' {
        $path = Join-Path $ws 'portfolio.md'
        Export-FtAdoptionReport -Path $path -Format Markdown
        $rows = Get-Content $path | Where-Object { $_ -match '^\| (Contoso|Fabrikam|Alpine Ski House) \|' }
        ($rows | ForEach-Object { ($_ -split '\|')[1].Trim() }) | Should -Be (Get-FtPortfolio).Customer
        $rows[0] | Should -Match '\| (Medium|High) \(\d+\) \|'
        $rows[0] | Should -Match 'Proxy blocks Teams media'
    }
}

Describe 'The adoption report as an Excel workbook' {
    It 'holds the portfolio ranked by risk, a sheet per customer and the FtUsage data table' {
        $path = Join-Path $ws 'portfolio.xlsx'
        $file = Export-FtAdoptionReport -Path $path -PassThru
        $file.Length | Should -BeGreaterThan 0
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($path)
        try {
            $read = { param($name) $reader = [IO.StreamReader]::new($zip.GetEntry($name).Open()); try { $reader.ReadToEnd() } finally { $reader.Dispose() } }
            $workbook = [xml](& $read 'xl/workbook.xml')
            $workbook.workbook.sheets.sheet.name | Should -Be (@('Portfolio') + (Get-FtPortfolio).Customer + @('Data'))
            (& $read 'xl/worksheets/sheet1.xml') | Should -Match ('<x:t[^>]*>' + (Get-FtPortfolio)[0].Customer + '</x:t>|<t[^>]*>' + (Get-FtPortfolio)[0].Customer + '</t>')
            ($zip.Entries.FullName -match 'xl/tables/') | Should -Not -BeNullOrEmpty
            (& $read ($zip.Entries.FullName -match 'xl/tables/' | Select-Object -First 1)) | Should -Match 'name="FtUsage"'
        }
        finally { $zip.Dispose() }
    }
}
