import type { ReactNode } from 'react';
import { readableTextColor } from './color.ts';
import { useDiagramWords } from './diagramWords.ts';
import './a11y.css';
import './elevation.css';

/** What the diagram needs of a unit; modules pass richer units and get them back in callbacks. */
export interface DiagramUnit {
  id: string;
  floor: number;
  room: string;
  /** registered area, "65.40" */
  areaM2: string;
}

export interface LegendItem {
  key: string;
  /** #rrggbb background, as returned by cellColor */
  color: string;
  label: ReactNode;
}

export interface ElevationDiagramProps<U extends DiagramUnit> {
  /** storeys of the building; rows run from the top floor down to 1 */
  floors: number;
  units: U[];
  /** names the table for screen readers and shows above it */
  caption: ReactNode;
  /** background (#rrggbb) of a unit's cell: vote, payment, objection… the text colour follows */
  cellColor?: (unit: U) => string | undefined;
  /** a short annotation under room and area (an owner, a share, a vote) */
  cellNote?: (unit: U) => ReactNode;
  /** extra words for screen readers when colour alone carries meaning, e.g. "已同意" */
  cellStatus?: (unit: U) => string | undefined;
  onCellClick?: (unit: U) => void;
  selectedId?: string | null;
  legend?: LegendItem[];
}

/**
 * Units stand in columns by the room number without its floor (101, 201, 301 → "01"), so a
 * vertical line of flats stays one column; rooms that do not follow the pattern keep their order.
 */
export function columnKey(unit: DiagramUnit, indexOnFloor: number): string {
  const prefix = String(unit.floor);
  return unit.room.startsWith(prefix) && unit.room.length > prefix.length
    ? unit.room.slice(prefix.length)
    : `#${indexOnFloor + 1}`;
}

function layout<U extends DiagramUnit>(floors: number, units: U[]) {
  const byFloor = new Map<number, Map<string, U>>();
  const columns = new Set<string>();
  let topFloor = floors;
  for (const floor of new Set(units.map((u) => u.floor))) {
    const onFloor = units
      .filter((u) => u.floor === floor)
      .sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true }));
    const cells = new Map<string, U>();
    onFloor.forEach((u, i) => {
      const key = columnKey(u, i);
      cells.set(key, u);
      columns.add(key);
    });
    byFloor.set(floor, cells);
    topFloor = Math.max(topFloor, floor);
  }
  const sortedColumns = [...columns].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const rows = Array.from({ length: topFloor }, (_, i) => topFloor - i);
  return {
    rows,
    columns: sortedColumns,
    cellAt: (floor: number, col: string) => byFloor.get(floor)?.get(col),
  };
}

/** A stairwell drawn as floors × units, top floor at the top; every module colours the cells. */
export function ElevationDiagram<U extends DiagramUnit>(props: ElevationDiagramProps<U>) {
  const w = useDiagramWords();
  const { rows, columns, cellAt } = layout(props.floors, props.units);
  return (
    <div className="jw-elev">
      {/* shown above the scrolling area at full width; the table's own caption names it for screen readers */}
      <div className="jw-elev__title" aria-hidden="true">
        {props.caption}
      </div>
      <div className="jw-elev__scroll" role="region" aria-label={w.scrollRegion} tabIndex={0}>
        <table className="jw-elev__table">
          <caption className="jw-visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="jw-elev__corner">
                {w.floor}
              </th>
              {columns.map((col) => (
                <th scope="col" key={col} className="jw-elev__colhead">
                  {col.startsWith('#') ? w.position(col.slice(1)) : w.roomColumn(col)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((floor) => (
              <tr key={floor}>
                <th scope="row" className="jw-elev__floor">
                  {w.floorN(floor)}
                </th>
                {columns.map((col) => {
                  const unit = cellAt(floor, col);
                  return unit ? (
                    <UnitCell key={col} unit={unit} {...props} />
                  ) : (
                    <EmptyCell key={col} label={w.noUnit} />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.legend && props.legend.length > 0 && <Legend items={props.legend} title={w.legend} />}
    </div>
  );
}

function UnitCell<U extends DiagramUnit>({
  unit,
  cellColor,
  cellNote,
  cellStatus,
  onCellClick,
  selectedId,
}: ElevationDiagramProps<U> & { unit: U }) {
  const w = useDiagramWords();
  const background = cellColor?.(unit);
  const style = background ? { background, color: readableTextColor(background) } : undefined;
  const status = cellStatus?.(unit);
  const note = cellNote?.(unit);
  const body = (
    <>
      <span className="jw-elev__room">{unit.room}</span>
      <span className="jw-elev__area">{w.area(unit.areaM2)}</span>
      {note !== undefined && note !== null && note !== '' && <span className="jw-elev__note">{note}</span>}
      {status && <span className="jw-visually-hidden">{status}</span>}
    </>
  );
  const selected = selectedId === unit.id;
  return (
    <td className={`jw-elev__cell${selected ? ' is-selected' : ''}`} style={style}>
      {onCellClick ? (
        <button
          type="button"
          className="jw-elev__button"
          onClick={() => onCellClick(unit)}
          aria-pressed={selected}
        >
          {body}
        </button>
      ) : (
        <div className="jw-elev__static">{body}</div>
      )}
    </td>
  );
}

function EmptyCell({ label }: { label: string }) {
  return (
    <td className="jw-elev__cell is-empty">
      <span aria-hidden="true">—</span>
      <span className="jw-visually-hidden">{label}</span>
    </td>
  );
}

function Legend({ items, title }: { items: LegendItem[]; title: string }) {
  return (
    <div className="jw-elev__legend">
      <ul aria-label={title}>
        {items.map((item) => (
          <li key={item.key}>
            <span className="jw-elev__swatch" style={{ background: item.color }} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
