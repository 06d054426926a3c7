/** The options of a choice among named things (sections, bylines), after a first one that stands for none or any. */
export function NamedOptions({ first, options }: { first: string; options: { id: number; name: string }[] }) {
  return (
    <>
      <option value="">{first}</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ))}
    </>
  );
}
