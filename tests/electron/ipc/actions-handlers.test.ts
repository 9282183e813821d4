import { describe, expect, it } from 'vitest';
import { createActionsHandlers } from '../../../electron/ipc/actions-handlers';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { createServices } from '../../../electron/services/services';
import { LATEST_BUILT_IN } from '../../../electron/services/templates/template-store';
import type { ActionOverview } from '../../../shared/inspection/action-overview';
import { actionOverview } from '../../../shared/inspection/action-overview';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';
import { useTempDir } from '../temp-dir';
import { demo, INSPECTOR, PROFILE } from '../services/inspection-fixtures';

describe('the actions channel', () => {
  const tempDir = useTempDir();

  function setUp() {
    const services = createServices({
      dataDir: tempDir(),
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
      now: () => new Date('2026-11-29T08:30:00.000Z'),
    });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR, language: 'en-US' });
    const [live, binned, foreign] = demo(3, 'actions-channel');
    // One filled against a template this computer does not have.
    const stranger = {
      ...foreign!,
      template: { id: LATEST_BUILT_IN.id, version: '2099.1', hash: 'ab'.repeat(32) },
    };
    services.inspections.add([live!, binned!, stranger]);
    services.inspections.trash(binned!.id);
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale: () => services.settings.get().language,
      log: silentLogger,
    });
    return { services, dispatch, live: live!, binned: binned!, stranger };
  }

  it('answers through the door with every inspection not in the trash', async () => {
    const { dispatch, live, binned, stranger } = setUp();
    const result = (await dispatch('actions:list', undefined)) as IpcResult<ActionOverview>;
    if (!result.ok) throw new Error(result.error.message);
    const ids = result.value.inspections.map((i) => i.id).sort();
    expect(ids).toEqual([live.id, stranger.id].sort());
    expect(ids).not.toContain(binned.id);
    const byId = new Map(result.value.inspections.map((i) => [i.id, i]));
    expect(byId.get(live.id)!.actions.map((a) => a.action)).toEqual(live.actions);
    expect(byId.get(live.id)!.templateTitle).toEqual(LATEST_BUILT_IN.title);
    // Without its template: listed, by item id, with nothing flagged.
    const foreign = byId.get(stranger.id)!;
    expect(foreign.templateTitle).toBeNull();
    expect(foreign.actions.map((a) => a.item.itemId)).toEqual(
      stranger.actions.map((a) => a.itemId),
    );
    expect(foreign.actions.every((a) => a.item.prompt === null)).toBe(true);
    expect(foreign.flaggedRows).toEqual([]);
  });

  it('is the pure overview of the stored inspections, as of the local date', () => {
    const { services, live, stranger } = setUp();
    const clock = () => new Date(2026, 10, 30, 23, 30);
    const overview = createActionsHandlers(services, clock).list(undefined) as ActionOverview;
    expect(overview.today).toBe('2026-11-30');
    const expected = actionOverview(
      [
        { inspection: live, template: LATEST_BUILT_IN },
        { inspection: stranger, template: null },
      ],
      '2026-11-30',
    );
    const byId = (o: ActionOverview) =>
      Object.fromEntries(o.inspections.map((i) => [i.id, JSON.stringify(i)]));
    expect(byId(overview)).toEqual(byId(expected));
  });

  it('refuses anything sent to it', async () => {
    const { dispatch } = setUp();
    const result = (await dispatch('actions:list', { all: true })) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
