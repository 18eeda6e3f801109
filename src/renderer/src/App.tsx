import { lazy, Suspense, useCallback, useState } from 'react';
import { JobBar } from './components/JobBar';
import { ProfileButton } from './components/ProfileButton';
import { useAppEvents } from './lib/events';
import { confirmLeave } from './lib/unsaved';
import { useRoute } from './lib/route';
import { DatabaseScreen } from './screens/DatabaseScreen';
import { ImportScreen } from './screens/ImportScreen';
import { LoftenScreen } from './screens/LoftenScreen';
import { WalksScreen } from './screens/WalksScreen';
import { ReportsScreen } from './screens/ReportsScreen';
import { PrintCommand } from './screens/reports/print-command';
import { OverviewScreen } from './screens/OverviewScreen';
import { IncidentRegister } from './screens/IncidentRegister';
import { PrivacyScreen } from './screens/PrivacyScreen';
import { AuditScreen } from './screens/AuditScreen';
import { BackupScreen } from './screens/database/BackupScreen';
import { DatabaseTabs, isDatabaseRoute } from './components/DatabaseTabs';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import { useOp } from './lib/queries';

// The charts (recharts) load with the Lägesbild screen, not with the register everyone opens first.
const DashboardScreen = lazy(() => import('./screens/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));

export function App() {
  const [route, go] = useRoute();
  const [dataVersion, setDataVersion] = useState(0);
  const bump = useCallback(() => setDataVersion((v) => v + 1), []);
  const jobs = useAppEvents(bump);
  const info = useOp('app.info', {});

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Lägesbild</h1>
        <nav
          aria-label="Huvudmeny"
          onClickCapture={(e) => {
            // Refused text on screen: the menu asks before leaving it (see lib/unsaved.ts).
            if ((e.target as HTMLElement).closest('a') && !confirmLeave()) e.preventDefault();
          }}
        >
          <a href="#/oversikt" aria-current={route === 'oversikt' ? 'page' : undefined}>
            Översikt
          </a>
          <a href="#/lagesbild" aria-current={route === 'lagesbild' ? 'page' : undefined}>
            Lägesbild
          </a>
          <a href="#/loften" aria-current={route === 'loften' ? 'page' : undefined}>
            Medborgarlöften
          </a>
          <a href="#/vandringar" aria-current={route === 'vandringar' ? 'page' : undefined}>
            Trygghetsvandringar
          </a>
          <a href="#/rapporter" aria-current={route === 'rapporter' ? 'page' : undefined}>
            Rapporter
          </a>
          <a href="#/handelser" aria-current={route === 'handelser' ? 'page' : undefined}>
            Händelser
          </a>
          <a href="#/import" aria-current={route === 'import' ? 'page' : undefined}>
            Import
          </a>
          <a href="#/databas" aria-current={isDatabaseRoute(route) ? 'page' : undefined}>
            Databas
          </a>
        </nav>
        <div className="db-badge" title={info.data?.path}>
          {info.data?.fileName}
          {info.data?.isDemo && (
            <span className="demo-label" data-testid="demo-label">
              Exempeldata
            </span>
          )}
        </div>
        <ProfileButton />
      </header>
      <JobBar jobs={jobs} />
      <ReadOnlyBanner info={info.data} />
      <main className="app-main">
        {isDatabaseRoute(route) && <DatabaseTabs route={route} />}
        {route === 'oversikt' && <OverviewScreen />}
        {route === 'lagesbild' && (
          <Suspense fallback={<p className="form-info">Laddar lägesbilden…</p>}>
            <DashboardScreen key={window.location.hash} />
          </Suspense>
        )}
        {route === 'loften' && <LoftenScreen key={window.location.hash} />}
        {route === 'vandringar' && <WalksScreen />}
        {route === 'rapporter' && <ReportsScreen />}
        {route === 'handelser' && <IncidentRegister key={window.location.hash} dataVersion={dataVersion} />}
        {route === 'import' && <ImportScreen />}
        {route === 'databas' && <DatabaseScreen onOpened={() => go('handelser')} />}
        {route === 'sakerhetskopior' && <BackupScreen />}
        {route === 'personuppgifter' && <PrivacyScreen />}
        {route === 'andringslogg' && <AuditScreen />}
      </main>
      <PrintCommand />
    </div>
  );
}
