import type { ReactNode } from "react";

export interface ChartTable {
  caption: string;
  /** Column headings, when the table needs them. */
  head?: string[];
  /** Each row: its heading first, then its cells. */
  rows: (string | number)[][];
}

/**
 * A chart with its text alternative: a caption, and the same data as a table
 * for screen readers. The drawing is hidden from assistive technology and has
 * no keyboard stops (charts set accessibilityLayer off), so nothing is
 * announced twice.
 */
export function ChartFigure({
  id,
  title,
  description,
  children,
  table,
}: {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
  table: ChartTable;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="card break-inside-avoid">
      <figcaption>
        <h3 id={`${id}-title`} className="font-semibold">
          {title}
        </h3>
        <p className="text-sm text-slate-700">{description}</p>
      </figcaption>
      <div aria-hidden="true" className="mt-2">
        {children}
      </div>
      <div className="sr-only">
        <table>
          <caption>{table.caption}</caption>
          {table.head ? (
            <thead>
              <tr>
                {table.head.map((heading) => (
                  <th key={heading} scope="col">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
          ) : null}
          <tbody>
            {table.rows.map(([heading, ...cells], index) => (
              <tr key={index}>
                <th scope="row">{heading}</th>
                {cells.map((cell, cellIndex) => (
                  <td key={cellIndex}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
