// A horizontal bar chart of labelled values (top cars, paths, referrers, sources, statuses).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatters } from '../format';
import { AXIS_TICK, COLORS } from '../palette';

export interface BarItem {
  label: string;
  value: number;
}

const shorten = (text: string, max = 27) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function BarList({ items, valueLabel, color = COLORS.bars }: { items: readonly BarItem[]; valueLabel: string; color?: string }) {
  const { i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, 28 * items.length + 40)}>
      <BarChart data={items} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke={COLORS.grid} horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => fmt.count(v)} tick={AXIS_TICK} allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={190} tick={AXIS_TICK} tickFormatter={(v: string) => shorten(v)} interval={0} />
        <Tooltip formatter={(value) => [fmt.count(Number(value)), valueLabel]} cursor={{ fill: '#eef1f5' }} />
        <Bar dataKey="value" name={valueLabel} fill={color} isAnimationActive={false} barSize={18} />
      </BarChart>
    </ResponsiveContainer>
  );
}
